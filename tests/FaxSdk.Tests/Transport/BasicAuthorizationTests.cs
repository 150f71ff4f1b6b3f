using System.Net;
using System.Net.Http.Headers;
using System.Text;
using FaxSdk.Phaxio;
using FaxSdk.Transport;

namespace FaxSdk.Tests.Transport;

/// <summary>Issue 16 item 5: the Basic authentication header is built once per credentials, not for every request.</summary>
public class BasicAuthorizationTests
{
    private sealed class Probe(EchoOptions options) : FaxHttpStatusProvider<EchoOptions>("probe", new HttpClient(), options, "default")
    {
        public AuthenticationHeaderValue Header(string user, string password) => BasicAuthorization(user, password);

        public override Task<FaxJobStatus> GetStatusAsync(FaxJobReference job, CancellationToken cancellationToken = default) => throw new NotSupportedException();
    }

    private static string Decode(AuthenticationHeaderValue header) => Encoding.UTF8.GetString(Convert.FromBase64String(header.Parameter!));

    [Fact]
    public void The_same_credentials_give_the_same_header_and_changed_ones_a_correct_new_one()
    {
        var probe = new Probe(new EchoOptions());
        var user = "key";
        var password = "secret";

        var first = probe.Header(user, password);
        var again = probe.Header(user, password);
        var changed = probe.Header(user, new StringBuilder("other").ToString());
        var equalButNew = probe.Header(new StringBuilder("key").ToString(), password);

        Assert.Same(first, again);
        Assert.Equal("Basic", first.Scheme);
        Assert.Equal("key:secret", Decode(first));
        Assert.Equal("key:other", Decode(changed));
        Assert.Equal("key:secret", Decode(equalButNew));
    }

    [Fact]
    public async Task Phaxio_sends_the_cached_header_and_a_new_one_when_its_options_change()
    {
        const string body = """{"success":true,"message":"Retrieved fax successfully","data":{"id":123456,"direction":"sent","status":"success","is_test":false,"recipients":[]}}""";
        var handler = new FakeHandler(_ => new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(body) });
        var options = new PhaxioOptions { BaseAddress = new Uri("https://api.phaxio.test/v2.1/"), ApiKey = "key", ApiSecret = "secret" };
        var provider = new PhaxioStatusProvider(new HttpClient(handler), options);
        var job = new FaxJobReference("phaxio", "123456");

        await provider.GetStatusAsync(job);
        await provider.GetStatusAsync(job);
        options.ApiSecret = "rotated";
        await provider.GetStatusAsync(job);

        var headers = handler.Requests.Select(r => r.Headers.Authorization!).ToList();
        Assert.Same(headers[0], headers[1]);
        Assert.Equal("key:secret", Decode(headers[0]));
        Assert.Equal("key:rotated", Decode(headers[2]));
    }
}
