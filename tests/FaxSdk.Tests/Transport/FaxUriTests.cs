using FaxSdk.Transport;

namespace FaxSdk.Tests.Transport;

public class FaxUriTests
{
    private static readonly Uri Base = new("https://api.example.com/v2.1/");

    [Theory]
    [InlineData("123", "/v2.1/faxes/123")]
    [InlineData("../../admin", "/v2.1/faxes/..%2F..%2Fadmin")]
    [InlineData("...", "/v2.1/faxes/...")]
    [InlineData("a/b", "/v2.1/faxes/a%2Fb")]
    [InlineData("%2F", "/v2.1/faxes/%252F")]
    [InlineData("x?y=1#z", "/v2.1/faxes/x%3Fy%3D1%23z")]
    [InlineData("IAS-N1_d53957a4 0", "/v2.1/faxes/IAS-N1_d53957a4%200")]
    [InlineData("überfax", "/v2.1/faxes/%C3%BCberfax")]
    public void Job_ids_become_exactly_one_segment_that_stays_escaped(string id, string expectedPath)
    {
        var uri = FaxUri.Combine(Base, "faxes", FaxUri.EscapePathSegment(id));

        Assert.Equal(expectedPath, uri.AbsolutePath);
        Assert.Equal("https://api.example.com" + expectedPath, uri.AbsoluteUri);
        Assert.Equal(id, Uri.UnescapeDataString(uri.AbsolutePath.Split('/')[^1]));
    }

    [Theory]
    [InlineData("https://h/v2.1", "https://h/v2.1/faxes/1")]
    [InlineData("https://h/v2.1/", "https://h/v2.1/faxes/1")]
    [InlineData("https://h", "https://h/faxes/1")]
    [InlineData("https://h/base/?tenant=7", "https://h/base/faxes/1?tenant=7")]
    public void Base_addresses_with_or_without_a_trailing_slash(string baseAddress, string expected) =>
        Assert.Equal(expected, FaxUri.Combine(new Uri(baseAddress), "faxes", "1").AbsoluteUri);

    [Theory]
    [InlineData("")]
    [InlineData(".")]
    [InlineData("..")]
    [InlineData("a\u001b[31mb")]
    [InlineData("a\nb")]
    public void Empty_dot_segments_and_control_characters_are_refused(string segment) =>
        Assert.Throws<ArgumentException>(() => FaxUri.EscapePathSegment(segment));

    [Fact]
    public void Relative_bases_are_refused() =>
        Assert.Throws<ArgumentException>(() => FaxUri.Combine(new Uri("/relative", UriKind.Relative), "x"));

    [Fact]
    public async Task The_escaped_segment_reaches_the_handler_unchanged()
    {
        var handler = FakeHandler.Json(System.Net.HttpStatusCode.OK, "{}");
        using var client = new HttpClient(handler);

        await client.GetAsync(FaxUri.Combine(Base, "faxes", FaxUri.EscapePathSegment("..%2F")));

        Assert.Equal("/v2.1/faxes/..%252F", handler.Requests.Single().RequestUri!.AbsolutePath);
    }

    [Theory]
    [InlineData("https://api.phaxio.com/", false, true)]
    [InlineData("http://127.0.0.1:5000/", false, true)]
    [InlineData("http://127.8.9.10/", false, true)]
    [InlineData("http://localhost/", false, true)]
    [InlineData("http://[::1]:8080/", false, true)]
    [InlineData("http://fax.internal/", false, false)]
    [InlineData("http://10.0.0.5/", false, false)]
    [InlineData("http://fax.internal/", true, true)]
    [InlineData("ftp://fax.internal/", true, false)]
    public void Plain_http_only_to_loopback_unless_allowed(string address, bool allowInsecure, bool allowed)
    {
        var check = () => FaxEndpointPolicy.EnsureAllowed(new Uri(address), allowInsecure, "test");
        if (allowed)
        {
            check();
        }
        else
        {
            var exception = Assert.Throws<ArgumentException>(check);
            Assert.StartsWith("test:", exception.Message, StringComparison.Ordinal);
        }
    }
}
