using System.Text;
using FaxSdk.Concord;
using FaxSdk.Providers.Tests.Concord.Oracle;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace FaxSdk.Providers.Tests.Concord;

/// <summary>
/// The single-pass parsers (<see cref="ConcordStatusParser"/>, <see cref="ConcordPushParser"/>) against the DTO-based
/// parsers they replaced (<see cref="ConcordOracleStatusParser"/>, <see cref="ConcordOraclePushParser"/>): the same
/// statuses or the same exception type on every fixture and on generated variants of them, JSON and SOAP.
/// </summary>
public class ConcordOracleTests
{
    private const string SimpleJobId = "br0000000003";

    private static readonly byte[][] JsonSeeds = [.. Seeds("concord", ".json")];

    private static readonly byte[][] SoapSeeds = [.. Seeds("concord", ".xml")];

    private static readonly byte[][] PushSoapSeeds = [.. Seeds("concord/push", ".xml")];

    public static TheoryData<string> Fixtures() => [.. Names("concord"), .. Names("concord/push")];

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Every_fixture_reads_as_the_oracle_reads_it(string fixture)
    {
        var (directory, name) = (Path.GetDirectoryName(fixture)!.Replace('\\', '/'), Path.GetFileName(fixture));
        var body = Fixture.Bytes(directory, name);
        if (directory == "concord/push")
        {
            AssertPushAgrees(body, name.EndsWith(".xml", StringComparison.Ordinal));
        }
        else
        {
            AssertAgrees(body);
        }
    }

    [Property(MaxTest = 600)]
    public Property Json_variants_of_every_fixture_read_as_the_oracle_reads_them() =>
        Prop.ForAll(JsonVariants.Of(JsonSeeds).ToArbitrary(), AssertAgrees);

    [Property(MaxTest = 600)]
    public Property Soap_variants_of_every_fixture_read_as_the_oracle_reads_them() =>
        Prop.ForAll(SoapVariants.Of(SoapSeeds).ToArbitrary(), AssertAgrees);

    [Property(MaxTest = 500)]
    public Property Soap_push_variants_read_as_the_oracle_reads_them() =>
        Prop.ForAll(SoapVariants.Of(PushSoapSeeds).ToArbitrary(), body => AssertPushAgrees(body, soap: true));

    [Property(MaxTest = 500)]
    public Property Form_push_variants_read_as_the_oracle_reads_them() =>
        Prop.ForAll(FormVariants().ToArbitrary(), body => AssertPushAgrees(body, soap: false));

    [Theory]
    [InlineData("""{"GetFaxStatusResponse":{"return":true,"FaxStatusList":[{"FaxJobId":"a","FaxJobStatusId":1}]},"GetRealTimeFaxStatusResponse":{"return":true,"FaxStatusList":[{"FaxJobId":"b","FaxJobStatusId":2}]},"GetFaxStatusResponse":null}""")]
    [InlineData("""{"getrealtimefaxstatusexresponse":{"return":true,"FaxStatusList":[]},"GetFaxStatusResponse":{"RETURN":true,"faxstatuslist":[{"faxjobid":"a","FAXJOBSTATUSID":3}]}}""")]
    [InlineData("""{"GetFaxStatusResponse":{"FaxStatusList":[{"FaxJobStatusId":1}],"return":false,"WSError":{"ErrorCode":-1,"ErrorString":"no"}}}""")]
    [InlineData("""{"GetFaxStatusResponse":{"FaxStatusList":[{"FaxJobStatusId":1}],"return":true}}""")]
    [InlineData("""{"GetFaxStatusResponse":{"return":true,"FaxStatusList":[{"FaxJobId":"a"}],"FaxStatusList":[{"FaxJobId":"b","Error":{"ErrorCode":7},"Error":{"ErrorString":"x"}}]}}""")]
    [InlineData("""{"GetFaxStatusResponse":{"return":true,"FaxStatusList":[{"FaxJobId":"a","ReferenceId":5}]}}""")]
    [InlineData("""{"GetFaxStatusResponse":{"return":true,"FaxStatusList":[{"FaxJobId":"a","Error":{"ErrorCode":null}}]}}""")]
    [InlineData("""{"GetFaxStatusResponse":{"return":true,"FaxStatusList":[{"FaxJobId":"a","FaxDeliveryDateTime":"2024-03-05T14:22:10\u005A","RecipientState":null}]}}""")]
    [InlineData("""{"GetFaxStatusResponse":{"return":true,"FaxStatusList":[{"FaxJobId":"a","FaxDeliveryDateTime":null,"RemoteFaxCSID":" "}]}}""")]
    [InlineData("""{"SimpleGetFaxStatusResponse":{"return":2},"GetFaxStatusResponse":null}""")]
    [InlineData("""{"GetFaxStatusResponse":{"return":true,"FaxStatusList":[]}} {}""")]
    [InlineData("""{"GetFaxStatus\u0052esponse":{"return":true,"FaxStatusList":[{"FaxJob\u0049d":"a","FaxJobStatusId":2,"Error":{"ErrorString":"x"}}]}}""")]
    [InlineData("""<FaxStatusResponse><FaxStatusList><item><FaxJobStatusId>1</FaxJobStatusId></item></FaxStatusList><return>0</return></FaxStatusResponse>""")]
    [InlineData("""<FaxStatusResponse><return>1</return><FaxStatusList><item><FaxJobId>a</FaxJobId></item></FaxStatusList><FaxStatusList/></FaxStatusResponse>""")]
    [InlineData("""<FaxStatusResponse><return>true</return><FaxStatusList><item><FaxJobId>a</FaxJobId><RemoteFaxCSID/><Error><ErrorCode>5</ErrorCode></Error><Error/></item></FaxStatusList></FaxStatusResponse>""")]
    public void Odd_bodies_read_as_the_oracle_reads_them(string body) => AssertAgrees(Encoding.UTF8.GetBytes(body));

    [Fact]
    public void A_known_status_code_reuses_the_generated_wire_text()
    {
        var status = Assert.Single(ConcordStatusParser.Parse("""{"GetFaxStatusResponse":{"return":true,"FaxStatusList":[{"FaxJobId":"a","FaxJobStatusId":2}]}}"""u8));

        Assert.Same(ConcordFaxJobStatus.Failed.ToWire(), status.ProviderStatus);
        Assert.All(Enum.GetValues<ConcordFaxJobStatus>().Where(s => s != ConcordFaxJobStatus.Unknown), s => Assert.Equal(((int)s).ToString(System.Globalization.CultureInfo.InvariantCulture), s.ToWire()));
    }

    private static void AssertAgrees(byte[] body)
    {
        ParserAgreement.AssertAgree(body, b => ConcordOracleStatusParser.Parse(b), b => ConcordStatusParser.Parse(b));
        ParserAgreement.AssertAgree(body, b => [ConcordOracleStatusParser.ParseSimple(b, SimpleJobId)], b => [ConcordStatusParser.ParseSimple(b, SimpleJobId)]);
    }

    private static void AssertPushAgrees(byte[] body, bool soap)
    {
        Func<byte[], FaxPushedStatus> oracle = soap ? b => ConcordOraclePushParser.ParseSoap(b, "us") : b => ConcordOraclePushParser.ParseUrlEncoded(b, "us");
        Func<byte[], FaxPushedStatus> candidate = soap ? b => ConcordPushParser.ParseSoap(b, "us") : b => ConcordPushParser.ParseUrlEncoded(b, "us");
        ParserAgreement.AssertAgree(body, b => [oracle(b).Status], b => [candidate(b).Status]);
        if (Try(oracle, body) is { } expected && Try(candidate, body) is { } actual)
        {
            Assert.Equal((expected.Job, expected.DeliveryKey, expected.Trust), (actual.Job, actual.DeliveryKey, actual.Trust));
        }
    }

    private static FaxPushedStatus? Try(Func<byte[], FaxPushedStatus> parse, byte[] body)
    {
        try
        {
            return parse(body);
        }
        catch (FaxSdkException)
        {
            return null;
        }
    }

    /// <summary>Form notifications with fields reordered, repeated (the first counts), removed, blanked or unknown.</summary>
    private static Gen<byte[]> FormVariants()
    {
        var seeds = Seeds("concord/push", ".form").Select(b => Encoding.UTF8.GetString(b).Trim().Split('&')).ToArray();
        string[] values = ["", " ", "1", "2", "3", "-5019", "x", "+7", "2026-11-24+09%3A15%3A02", "%ZZ", "br%2F1", "br1"];
        return from seed in Gen.Elements(seeds)
               from edits in Gen.ListOf(Gen.Choose(0, int.MaxValue), 3)
               select Encoding.UTF8.GetBytes(string.Join('&', edits.Aggregate(seed.ToList(), (fields, edit) =>
               {
                   var random = new Random(edit);
                   var at = random.Next(fields.Count);
                   var name = fields[at].Split('=')[0];
                   switch (random.Next(5))
                   {
                       case 0: return [.. fields.OrderBy(_ => random.Next())];
                       case 1: fields.Insert(random.Next(fields.Count + 1), $"{name}={values[random.Next(values.Length)]}"); break;
                       case 2: fields.RemoveAt(at); break;
                       case 3: fields[at] = $"{name}={values[random.Next(values.Length)]}"; break;
                       default: fields.Insert(at, $"x_unknown={values[random.Next(values.Length)]}"); break;
                   }

                   return fields.Count == 0 ? ["x=1"] : fields;
               })));
    }

    private static IEnumerable<string> Names(string directory) =>
        Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "Fixtures", directory)).Select(f => $"{directory}/{Path.GetFileName(f)}").Order();

    // Seeds for variants: the fixtures that parse as documents (a DTD is refused unread, so editing one tests nothing).
    private static IEnumerable<byte[]> Seeds(string directory, string extension) =>
        Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "Fixtures", directory)).Where(f => f.EndsWith(extension, StringComparison.Ordinal)).Order()
            .Select(File.ReadAllBytes).Where(b => b.AsSpan().IndexOf("<!DOCTYPE"u8) < 0);
}
