using System.Text;
using FaxSdk.Concord;

namespace FaxSdk.Providers.Tests.Concord;

public class ConcordStatusParserTests
{
    [Theory]
    [InlineData("json-mixed.json")]
    [InlineData("soap-mixed.xml")]
    public void Both_transports_read_the_same_statuses(string fixture)
    {
        var statuses = ConcordStatusParser.Parse(Fixture.Bytes("concord", fixture));

        Assert.Equal(FaxJobState.Succeeded, statuses[0].State);
        Assert.Equal("1", statuses[0].ProviderStatus);
        Assert.Null(statuses[0].Error);
        Assert.Empty(statuses[0].Recipients);
        Assert.Equal(FaxJobState.Failed, statuses[1].State);
        Assert.Equal(("5001", "Busy"), (statuses[1].Error!.Code, statuses[1].Error!.Message));
        Assert.Equal("Job failed", statuses[1].Detail);
        Assert.All(statuses, s => Assert.Equal("concord", s.Provider));
    }

    [Fact]
    public void In_progress_and_unknown_ids_are_not_terminal_and_never_throw()
    {
        var statuses = ConcordStatusParser.Parse(Fixture.Bytes("concord", "json-mixed.json"));

        Assert.Equal(FaxJobState.InProgress, statuses[2].State);
        Assert.Equal(FaxJobState.Unknown, statuses[3].State);
        Assert.False(statuses[3].IsTerminal);
        Assert.Equal("JRI-nope", statuses[3].JobId);
        Assert.Contains("-5019", statuses[3].Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Return_false_is_a_call_level_error_with_code_and_text()
    {
        var exception = Assert.Throws<ConcordServiceException>(() => ConcordStatusParser.Parse(Fixture.Bytes("concord", "return-false.json")));

        Assert.Equal(-1002, exception.ErrorCode);
        Assert.Equal("Invalid UserID or PIN", exception.ErrorString);
        Assert.Contains("Invalid UserID or PIN", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Soap_fault_and_return_false_in_xml()
    {
        const string fault = """<soap:Envelope xmlns:soap="http://www.w3.org/2003/05/soap-envelope"><soap:Body><soap:Fault><soap:Reason><soap:Text>Server was unable to process request</soap:Text></soap:Reason></soap:Fault></soap:Body></soap:Envelope>""";
        const string notOk = """<Envelope><Body><FaxStatusResponse><return>false</return><WSError><ErrorCode>-7</ErrorCode><ErrorString>Bad request</ErrorString></WSError></FaxStatusResponse></Body></Envelope>""";

        Assert.Contains("unable to process", Assert.Throws<FaxProtocolException>(() => ConcordStatusParser.Parse(Encoding.UTF8.GetBytes(fault))).Message, StringComparison.Ordinal);
        Assert.Equal(-7, Assert.Throws<ConcordServiceException>(() => ConcordStatusParser.Parse(Encoding.UTF8.GetBytes(notOk))).ErrorCode);
    }

    [Theory]
    [InlineData("")]
    [InlineData("""{"GetFaxStatusResponse":{"return":true,"FaxStatusList":[{"FaxJobId":"br1","FaxJobStatusId":"one"}]}}""")]
    [InlineData("""{"SomethingElse":{}}""")]
    [InlineData("<FaxStatusResponse><return>true</return><FaxStatusList><item><FaxJobId>b</FaxJobId><FaxJobStatusId>x</FaxJobStatusId></item></FaxStatusList>")]
    [InlineData("""<!DOCTYPE x [<!ENTITY e "boom">]><FaxStatusResponse><return>&e;</return></FaxStatusResponse>""")]
    public void Unreadable_bodies_are_protocol_errors(string body) =>
        Assert.Throws<FaxProtocolException>(() => ConcordStatusParser.Parse(Encoding.UTF8.GetBytes(body)));

    [Fact]
    public void Reference_ids_are_built_with_the_JRI_prefix()
    {
        Assert.Equal("JRI-REF1234", ConcordJobIds.FromReference("REF1234"));
        Assert.Throws<ArgumentException>(() => ConcordJobIds.FromReference(" "));
    }

    [Fact]
    public void Property_no_byte_input_throws_anything_but_sdk_exceptions() =>
        ParserRobustness.NeverThrowsAnythingElse(Fixture.All("concord").ToArray(), bytes => ConcordStatusParser.Parse(bytes));

    [Theory]
    [InlineData("<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>")]
    [InlineData("  <html><body>Service Unavailable</body></html>")]
    public void An_html_error_page_is_named_as_such_not_as_broken_soap(string page)
    {
        var error = Assert.Throws<FaxProtocolException>(() => ConcordStatusParser.Parse(System.Text.Encoding.UTF8.GetBytes(page)));

        Assert.Contains("HTML page", error.Message, StringComparison.Ordinal);
        Assert.Equal("concord", error.Provider);
    }
}
