using System.Text;
using FaxSdk.StoneFax;

namespace FaxSdk.Providers.Tests.StoneFax;

/// <summary>Hostile and odd StoneFax answers: typed errors, bounded work, never another exception.</summary>
public class StoneFaxHostileInputTests
{
    private static readonly TimeZoneInfo West = TimeZoneInfo.CreateCustomTimeZone("Test-5", TimeSpan.FromHours(-5), "Test-5", "Test-5");

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    [Theory]
    [InlineData("""{"faxId":"f","status":"Completed","recipient":[null]}""", 0)]
    [InlineData("""{"faxId":"f","status":"Completed","recipient":[null,{"faxNumber":"1"},null]}""", 1)]
    [InlineData("""{"faxList":[null,{"faxId":"a","status":"Queued"}]}""", -1)]
    public void Null_items_are_skipped(string body, int recipients)
    {
        if (recipients < 0)
        {
            Assert.Equal("a", Assert.Single(StoneFaxStatusParser.ParseList(Utf8(body))).JobId);
            return;
        }

        Assert.Equal(recipients, StoneFaxStatusParser.Parse(Utf8(body)).Recipients.Count);
    }

    [Fact]
    public void Times_out_of_range_in_the_server_zone_are_left_null()
    {
        var body = """{"faxId":"f","status":"Completed","submitTime":"0001-01-01T00:00:00+14:00","endTime":"9999-12-31T23:59:59","startTime":"9999-12-31T23:59:59.9999999","recipient":{"faxNumber":"1"}}""";

        var status = StoneFaxStatusParser.Parse(Utf8(body), West);

        Assert.Null(status.SubmittedAt);
        Assert.Null(status.StartedAt);
        Assert.Null(status.CompletedAt);
        Assert.Equal(FaxJobState.Succeeded, status.State);
    }

    [Fact]
    public void More_recipients_than_the_bound_are_refused_while_reading()
    {
        var body = """{"faxId":"f","status":"Completed","recipient":[""" + string.Join(',', Enumerable.Repeat("{}", StoneFaxStatusParser.MaxRecipients + 1)) + "]}";

        Assert.Contains("more than", Assert.Throws<FaxProtocolException>(() => StoneFaxStatusParser.Parse(Utf8(body))).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_utf8_and_lone_surrogates_are_protocol_errors()
    {
        var body = Utf8("""{"faxId":"f","status":"Failed","failureReason":"XX","recipient":{"faxNumber":"1"}}""");
        var at = Array.IndexOf(body, (byte)'X');
        body[at] = 0xED; // an encoded surrogate, invalid in UTF-8
        body[at + 1] = 0xA0;

        Assert.Throws<FaxProtocolException>(() => StoneFaxStatusParser.Parse(body));
        Assert.Throws<FaxProtocolException>(() => StoneFaxStatusParser.Parse(Utf8("""{"faxId":"f","status":"\uD800","recipient":{"faxNumber":"1"}}""")));
    }

    [Fact]
    public void A_list_given_to_the_details_parser_says_what_it_is()
    {
        var error = Assert.Throws<FaxProtocolException>(() => StoneFaxStatusParser.Parse(Fixture.Bytes("stonefax", "list-mine.json")));

        Assert.Contains("ParseList", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"jobId":"FJ1","reports":[]}""", "expected {\"faxId\"")]
    [InlineData("""{"status":"Completed","recipient":{"faxNumber":"1"}}""", "no \"faxId\"")]
    [InlineData("""{"faxId":"","status":"Completed"}""", "no \"faxId\"")]
    public void Valid_json_of_another_shape_names_the_shape_expected(string body, string message) =>
        Assert.Contains(message, Assert.Throws<FaxProtocolException>(() => StoneFaxStatusParser.Parse(Utf8(body))).Message, StringComparison.Ordinal);

    [Fact]
    public void Deep_json_is_refused()
    {
        var body = """{"faxId":"f","status":"Completed","x":""" + new string('[', 100_000) + new string(']', 100_000) + "}";

        Assert.Throws<FaxProtocolException>(() => StoneFaxStatusParser.Parse(Utf8(body)));
    }
}
