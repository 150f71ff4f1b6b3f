using System.Text;
using FaxSdk.Concord;
using FaxSdk.Transport;

namespace FaxSdk.Providers.Tests.Concord;

/// <summary>Hostile and odd Concord answers: typed errors, bounded work, never another exception.</summary>
public class ConcordHostileInputTests
{
    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    private static string Deep(int levels) =>
        "<Envelope><Body><FaxStatusResponse><return>true</return><FaxStatusList><item><FaxJobId>br1</FaxJobId><StatusDescription>"
        + string.Concat(Enumerable.Repeat("<a>", levels)) + string.Concat(Enumerable.Repeat("</a>", levels))
        + "</StatusDescription></item></FaxStatusList></FaxStatusResponse></Body></Envelope>";

    [Fact]
    public void A_100000_level_soap_body_is_refused_by_the_depth_bound()
    {
        var error = Assert.Throws<FaxProtocolException>(() => ConcordStatusParser.Parse(Utf8(Deep(100_000))));

        Assert.Contains($"deeper than {ConcordStatusParser.MaxXmlDepth}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Nesting_within_the_bound_is_read()
    {
        var statuses = ConcordStatusParser.Parse(Utf8(Deep(ConcordStatusParser.MaxXmlDepth - 8)));

        Assert.Equal("br1", Assert.Single(statuses).JobId);
    }

    [Fact]
    public void Reading_stops_when_the_token_is_cancelled()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => ConcordStatusParser.Parse(Fixture.Bytes("concord", "soap-mixed.xml"), cancelled.Token));
    }

    [Theory]
    [InlineData("""<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]><FaxStatusResponse><return>&x;</return></FaxStatusResponse>""")]
    [InlineData("""<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><FaxStatusResponse><return>&b;</return></FaxStatusResponse>""")]
    [InlineData("""<FaxStatusResponse><return>&undefined;</return></FaxStatusResponse>""")]
    [InlineData("""<FaxStatusResponse><return>true</return><FaxStatusList><item><FaxJobId>b</FaxJobId></item>""")]
    [InlineData("""<FaxStatusResponse><return>true</return><FaxStatusList><item><FaxJobId>b</FaxJobId><FaxJobStatusId>99999999999</FaxJobStatusId></item></FaxStatusList></FaxStatusResponse>""")]
    public void Dtds_entities_truncation_and_huge_numbers_are_protocol_errors(string body) =>
        Assert.Throws<FaxProtocolException>(() => ConcordStatusParser.Parse(Utf8(body)));

    [Fact]
    public void More_items_than_the_bound_are_refused_in_both_transports()
    {
        var item = """{"FaxJobId":"br1","FaxJobStatusId":1}""";
        var json = """{"GetFaxStatusResponse":{"return":true,"FaxStatusList":[""" + string.Join(',', Enumerable.Repeat(item, ConcordStatusParser.MaxStatuses + 1)) + "]}}";
        var xml = "<FaxStatusResponse><return>true</return><FaxStatusList>" + string.Concat(Enumerable.Repeat("<item><FaxJobId>b</FaxJobId></item>", ConcordStatusParser.MaxStatuses + 1)) + "</FaxStatusList></FaxStatusResponse>";

        Assert.Contains("more than 10000", Assert.Throws<FaxProtocolException>(() => ConcordStatusParser.Parse(Utf8(json))).Message, StringComparison.Ordinal);
        Assert.Contains("more than 10000", Assert.Throws<FaxProtocolException>(() => ConcordStatusParser.Parse(Utf8(xml))).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_payload_limits_hold_inside_members_the_parser_skips()
    {
        var item = """{"FaxJobId":"br1","FaxJobStatusId":1}""";
        var longArray = """{"GetFaxStatusResponse":{"return":true,"x":[""" + string.Join(',', Enumerable.Repeat("0", FaxPayloadLimits.MaxArrayLength + 1)) + "],\"FaxStatusList\":[" + item + "]}}";
        var manyObjects = """{"GetFaxStatusResponse":{"return":true,"FaxStatusList":[""" + item + "]"
            + string.Concat(Enumerable.Range(0, 6).Select(i => $",\"x{i}\":[" + string.Join(',', Enumerable.Repeat("{}", 9_000)) + "]")) + "}}";

        Assert.Contains("more than 10,000 elements", Assert.Throws<FaxProtocolException>(() => ConcordStatusParser.Parse(Utf8(longArray))).Message, StringComparison.Ordinal);
        Assert.Contains("more than 50,000 JSON objects", Assert.Throws<FaxProtocolException>(() => ConcordStatusParser.Parse(Utf8(manyObjects))).Message, StringComparison.Ordinal);
        Assert.Single(ConcordStatusParser.Parse(Utf8(longArray.Replace(",0]", "]", StringComparison.Ordinal))));
    }

    [Theory]
    [InlineData("""{"GetFaxStatusResponse":{"return":true,"FaxStatusList":[null]}}""", 0)]
    [InlineData("""{"GetFaxStatusResponse":{"return":true,"FaxStatusList":[null,{"FaxJobId":"br1","FaxJobStatusId":3,"Error":null},null]}}""", 1)]
    [InlineData("""{"GetFaxStatusResponse":{"return":true,"FaxStatusList":null,"WSError":null}}""", 0)]
    public void Null_items_are_skipped(string body, int expected) =>
        Assert.Equal(expected, ConcordStatusParser.Parse(Utf8(body)).Count);

    [Theory]
    [InlineData("0001-01-01T00:00:00+14:00")]
    [InlineData("9999-12-31T23:59:59-14:00")]
    [InlineData("yesterday")]
    public void Unreadable_delivery_times_are_left_null(string time)
    {
        var body = "{\"GetRealTimeFaxStatusExResponse\":{\"return\":true,\"FaxStatusList\":[{\"FaxJobId\":\"br1\",\"FaxJobStatusId\":1,\"FaxDeliveryDateTime\":\"" + time + "\",\"FaxDeliveryDuration\":12}]}}";

        var status = Assert.Single(ConcordStatusParser.Parse(Utf8(body)));

        Assert.Null(status.CompletedAt);
        Assert.Equal(TimeSpan.FromSeconds(12), status.Recipients[0].CallDuration);
    }

    [Fact]
    public void Invalid_utf8_in_a_string_is_a_protocol_error()
    {
        var body = Utf8("""{"GetFaxStatusResponse":{"return":true,"FaxStatusList":[{"FaxJobId":"br1","StatusDescription":"XX"}]}}""");
        var at = Array.IndexOf(body, (byte)'X');
        body[at] = 0xC3;
        body[at + 1] = 0x28;

        Assert.Throws<FaxProtocolException>(() => ConcordStatusParser.Parse(body));
    }

    [Fact]
    public void A_simple_answer_is_read_with_its_job_id_and_refused_without_it()
    {
        var body = Fixture.Bytes("concord", "simple-soap-inprogress.xml");

        Assert.Equal(FaxJobState.InProgress, ConcordStatusParser.ParseSimple(body, "br7").State);
        Assert.Contains("ParseSimple", Assert.Throws<FaxProtocolException>(() => ConcordStatusParser.Parse(body)).Message, StringComparison.Ordinal);
        Assert.Throws<FaxProtocolException>(() => ConcordStatusParser.ParseSimple(Fixture.Bytes("concord", "json-mixed.json"), "br7"));
        Assert.Throws<FaxInvalidJobIdException>(() => ConcordStatusParser.ParseSimple(body, ".."));
        Assert.Equal(FaxJobState.Unknown, ConcordStatusParser.ParseSimple(Utf8("""{"SimpleGetFaxStatusResponse":{"return":9223372036854775807}}"""), "br7").State);
    }

    [Fact]
    public void Realtime_answers_carry_delivery_time_duration_and_remote_csid()
    {
        var statuses = ConcordStatusParser.Parse(Fixture.Bytes("concord", "realtime-ex-soap.xml"));

        var delivered = statuses[0].Recipients[0];
        Assert.Equal(new DateTimeOffset(2024, 3, 5, 14, 22, 10, TimeSpan.Zero), delivered.CompletedAt);
        Assert.Equal(TimeSpan.FromSeconds(48), delivered.CallDuration);
        Assert.Equal("+1 555 0100", delivered.RemoteCsid);
        Assert.Equal(FaxRecipientState.Transmitting, statuses[1].Recipients[0].State);
        Assert.Contains("page 2 of 5", statuses[1].Detail, StringComparison.Ordinal);
        Assert.Equal(FaxRecipientState.Failed, statuses[2].Recipients[0].State);
        Assert.Equal("Busy", statuses[2].Recipients[0].Error!.Message);
    }
}
