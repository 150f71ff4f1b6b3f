using System.Globalization;
using System.Text;
using FaxSdk.Providers.Tests.Retarus.Oracle;
using FaxSdk.Retarus;
using FaxSdk.TestSupport;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace FaxSdk.Providers.Tests.Retarus;

/// <summary>
/// Issue 16: the parsers that read straight into the model agree with the DTO-based parsers they replaced (the oracle in
/// Retarus/Oracle) on every Retarus fixture, on a report page shaped like the benchmark's, and on generated variants:
/// the same statuses, reports (properties, locations) and pushes (job, delivery key), or the same exception type.
/// </summary>
public class RetarusOracleTests
{
    /// <summary>The JSON seeds: every REST fixture, the JSON push, a page shaped like the benchmark's RetarusPage, and odd corners.</summary>
    public static readonly byte[][] JsonSeeds =
    [
        .. Fixture.All("retarus").Where(IsJson),
        .. Fixture.All("retarus/push").Where(IsJson),
        Page(5),
        Encoding.UTF8.GetBytes("""{"jobId":"FJ1","recipientStatus":[{"number":"+1","status":"CANCELLED","reason":"by user","sentTs":"2024-03-01T10:00:00+01:00"},{"sentToNumber":"002","status":"pending","durationInSecs":-3,"remoteCsid":""}],"pages":2,"reference":{"customerDefinedId":"","billingCode":"b","billingInfo":null}}"""),
        Encoding.UTF8.GetBytes("""{"reports":[{"jobId":"FJ2","recipientStatus":[{"number":"+1","status":"busy","reason":"b","sentTs":"2024-03-01T10:00:00Z"},{"number":"+2","status":"OK","sentTs":"2024-03-01T10:00:00+00:00"},{"number":"+3","status":"TELEPORTED"}],"reference":{"customerDefinedId":"c"},"reports":[{"jobId":"inner"}]},{"jobId":"FJ3","recipientStatus":[]}],"jobId":"root"}"""),
        Encoding.UTF8.GetBytes("""{"reports":[{"jobId":"FJ4","deleted":false},{"jobId":"FJ5","reason":"NOT_FOUND"}]}"""),
    ];

    /// <summary>The XML push seeds (the DTD fixture is refused before any reading, so it is left to the fixture test).</summary>
    public static readonly byte[][] XmlSeeds =
    [
        .. Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "Fixtures", "retarus", "push"), "*.xml").Where(f => !f.Contains("dtd", StringComparison.Ordinal)).Order().Select(File.ReadAllBytes),
        Encoding.UTF8.GetBytes("<reports><faxJobReport><jobId>FJA</jobId><faxRecipient><number>+1</number><numId>FN1</numId><status>CANCELED</status><reason>user</reason><sentTs>2024-03-01T10:00:00+02:00</sentTs></faxRecipient><pages>1</pages></faxJobReport><faxJobReport><jobId>FJB</jobId><faxRecipient><sentToNumber>002</sentToNumber><status>pending</status><durationInSecs>-1</durationInSecs><remoteCsid>  </remoteCsid></faxRecipient></faxJobReport></reports>"),
    ];

    public static TheoryData<string> JsonFixtureNames() =>
    [
        .. Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "Fixtures", "retarus")).Select(f => Path.GetFileName(f)!).Order(),
    ];

    public static TheoryData<string> PushFixtureNames() =>
    [
        .. Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "Fixtures", "retarus", "push")).Select(f => Path.GetFileName(f)!).Order(),
    ];

    [Theory]
    [MemberData(nameof(JsonFixtureNames))]
    public void Every_report_fixture_reads_as_the_oracle_reads_it(string name) => AssertJsonAgree(Fixture.Bytes("retarus", name));

    [Theory]
    [MemberData(nameof(PushFixtureNames))]
    public void Every_push_fixture_reads_as_the_oracle_reads_it(string name)
    {
        var body = Fixture.Bytes("retarus/push", name);
        AssertPushesAgree(body, b => OracleRetarusPushParser.Parse(b, "eu"), b => RetarusPushParser.Parse(b, "eu"));
        if (name.EndsWith(".xml", StringComparison.Ordinal))
        {
            AssertPushesAgree(body, b => OracleRetarusPushParser.ParseXml(b, "eu"), b => RetarusPushParser.ParseXml(b, "eu"));
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(1000)]
    public void A_benchmark_page_reads_as_the_oracle_reads_it(int reports)
    {
        var page = Page(reports);
        AssertJsonAgree(page);
        Assert.Equal(reports, RetarusStatusParser.Parse(page).Count);
    }

    [Theory]
    [InlineData("""{"reports":[null],"reports":null,"jobId":"FJ1","recipientStatus":[]}""")]
    [InlineData("""{"reports":[{"jobId":"FJ1"}],"REPORTS":[{"jobId":"FJ2","recipientStatus":[{"status":"OK"}]}]}""")]
    [InlineData("""{"jobId":"FJ1","recipientStatus":[null],"recipientStatus":[{"status":"OK"}],"reference":{"customerDefinedId":"a","billingCode":"b"},"reference":{"billingInfo":"c"}}""")]
    [InlineData("""{"JOBID":"FJ1","RecipientStatus":[{"STATUS":"ok","Number":"+1","SENTTS":"2024-03-01T10:00:00Z","sentts":"bad"}]}""")]
    [InlineData("""{"jobId":"FJ1","recipientStatus":[{"status":"\u004FK","number":"\u002B1","reason":"\u00e9","numId":"\ud83d\ude00"}]}""")]
    [InlineData("""{"jobId":"FJ1","recipientStatus":[{"status":"OK","numId":5}]}""")]
    [InlineData("""{"jobId":"FJ1","recipientStatus":[{"status":"OK"}],"reports":[{"reports":[{"jobId":5}]}]}""")]
    [InlineData("""{"reports":[{"jobId":"FJ1","recipientStatus":[{"status":"OK"}],"reports":[{"reports":[null,{}]}]}]}""")]
    [InlineData("""{"reports":[{"jobId":"FJ1"},{"jobId":"FJ2","recipientStatus":[{"status":"OK","sentTs":{"a":[1,2]}}]},"x"]}""")]
    [InlineData("""{"reports":[{"recipientStatus":[]},{"jobId":"FJ2","deleted":null}]}""")]
    [InlineData("""{"jobId":"FJ1","recipientStatus":[{"durationInSecs":1.5}]}""")]
    [InlineData("""{"jobId":"FJ1","recipientStatus":[{"durationInSecs":2147483648}]}""")]
    [InlineData("""{"jobId":"FJ1","recipientStatus":[{"status":"OK"}]} x""")]
    [InlineData("""{"jobId":"FJ1","recipientStatus":[{"status":"OK"}]}   """)]
    [InlineData("""  {"jobId":"FJ1","pages":null,"reference":null,"recipientStatus":[{"status":null,"number":null,"sentToNumber":"0"}]}""")]
    [InlineData("[1,2")]
    [InlineData("\"text\"")]
    [InlineData("{\"jobId\":\"FJ1\",\"recipientStatus\":[{\"status\":\"OK\",\"reason\":\"\\udc00\"}]}")]
    public void Odd_bodies_read_as_the_oracle_reads_them(string body) => AssertJsonAgree(Encoding.UTF8.GetBytes(body));

    [Fact]
    public void Invalid_utf8_in_a_value_or_a_name_reads_as_the_oracle_reads_it()
    {
        AssertJsonAgree([.. "{\"jobId\":\"FJ1\",\"recipientStatus\":[{\"numId\":\""u8, 0xC0, 0x80, .. "\"}]}"u8]);
        AssertJsonAgree([.. "{\"jobId\":\"FJ1\",\"recipientStatus\":[{\""u8, 0xFF, .. "\":1,\"status\":\"OK\"}]}"u8]);
        AssertJsonAgree([.. "{\"jobId\":\"FJ1\",\"recipientStatus\":[{\"x\":\""u8, 0xFF, .. "\",\"status\":\"OK\"}]}"u8]);
        AssertJsonAgree("{\"jobId\":\"FJ1\",\"recipientStatus\":[{\"\\ud800\":1,\"status\":\"OK\"}]}"u8.ToArray());
        AssertJsonAgree("{\"jobId\":\"FJ1\",\"recipientStatus\":[{\"st\\u0061tus\":\"OK\",\"st\\u0041TUS\\ud800\":1}]}"u8.ToArray());
    }

    [Property(MaxTest = 1000)]
    public Property Json_variants_of_every_seed_read_as_the_oracle_reads_them() =>
        Prop.ForAll(JsonVariants.Of(JsonSeeds, maxEdits: 5).ToArbitrary(), body => AssertJsonAgree(body));

    [Property(MaxTest = 600)]
    public Property Xml_push_variants_read_as_the_oracle_reads_them() =>
        Prop.ForAll(RetarusXmlVariants.Of(XmlSeeds).ToArbitrary(), body =>
            AssertPushesAgree(body, b => OracleRetarusPushParser.ParseXml(b, "eu"), b => RetarusPushParser.ParseXml(b, "eu")));

    /// <summary>A page of reports exactly as the benchmark builds it (benchmarks/FaxSdk.Benchmarks/Payloads.cs, linked into this project).</summary>
    private static byte[] Page(int count) => FaxSdk.Benchmarks.Payloads.RetarusPage(count);

    // Statuses (the shared agreement), reports with their properties and locations, and JSON pushes with their keys.
    private static void AssertJsonAgree(byte[] body)
    {
        ParserAgreement.AssertAgree(body, b => OracleRetarusStatusParser.Parse(b), b => RetarusStatusParser.Parse(b));
        AssertSame(body, b => Describe(OracleRetarusStatusParser.ParseReports(b, "DE1")), b => Describe(RetarusStatusParser.ParseReports(b, "DE1")));
        AssertPushesAgree(body, b => OracleRetarusPushParser.ParseJson(b, "eu"), b => RetarusPushParser.ParseJson(b, "eu"));
    }

    private static void AssertPushesAgree(byte[] body, Func<byte[], IReadOnlyList<FaxPushedStatus>> oracle, Func<byte[], IReadOnlyList<FaxPushedStatus>> candidate) =>
        AssertSame(body, b => Describe(oracle(b)), b => Describe(candidate(b)));

    private static void AssertSame(byte[] body, Func<byte[], string> oracle, Func<byte[], string> candidate)
    {
        var (expected, expectedError) = Run(oracle, body);
        var (actual, actualError) = Run(candidate, body);
        var why = $"Body: {Encoding.UTF8.GetString(body)}\nOracle: {expected ?? expectedError?.ToString()}\nCandidate: {actual ?? actualError?.ToString()}";
        Assert.True(expectedError?.GetType() == actualError?.GetType(), why);
        Assert.True(expected == actual, why);
    }

    private static (string? Text, Exception? Error) Run(Func<byte[], string> parse, byte[] body)
    {
        try
        {
            return (parse(body), null);
        }
        catch (Exception exception)
        {
            return (null, exception);
        }
    }

    private static string Describe(IReadOnlyList<FaxReport> reports) =>
        ParserAgreement.Canonical([.. reports.Select(r => r.Status)]) + string.Concat(reports.Select(r =>
            $"|{string.Join(',', r.Locations)}|{string.Join(',', r.Properties.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}"))}"));

    private static string Describe(IReadOnlyList<FaxPushedStatus> pushes) =>
        ParserAgreement.Canonical([.. pushes.Select(p => p.Status)]) + string.Concat(pushes.Select(p => $"|{p.Job}|{p.Trust}|{p.DeliveryKey}"));

    private static bool IsJson(byte[] body) => body.AsSpan().TrimStart("\uFEFF \t\r\n"u8).StartsWith("{"u8);
}
