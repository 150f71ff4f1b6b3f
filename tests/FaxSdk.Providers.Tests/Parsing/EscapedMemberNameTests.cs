using System.Text;
using FaxSdk.Concord;
using FaxSdk.Pantarey;
using FaxSdk.Phaxio;
using FaxSdk.Providers.Tests.Concord.Oracle;
using FaxSdk.Providers.Tests.Pantarey.Oracle;
using FaxSdk.Providers.Tests.Phaxio.Oracle;
using FaxSdk.Providers.Tests.Retarus.Oracle;
using FaxSdk.Providers.Tests.StoneFax.Oracle;
using FaxSdk.Retarus;
using FaxSdk.StoneFax;

namespace FaxSdk.Providers.Tests.Parsing;

/// <summary>
/// Escaped member names the single-pass readers must treat as the serialiser did: decoded whatever their length (a lone
/// surrogate makes the body unreadable, even in a member nobody reads), matched when they spell a member. The variant
/// generator never writes escaped names, so these are spelled out for every provider.
/// </summary>
public class EscapedMemberNameTests
{
    public static TheoryData<string, string, string> Cases()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var (provider, fixture) in Seeds)
        {
            data.Add(provider, fixture, "\\ud800" + new string('a', 150)); // long, with a lone surrogate: unreadable
            data.Add(provider, fixture, "\\ud800x");                       // short, with a lone surrogate: unreadable
            data.Add(provider, fixture, "\\u0041" + new string('b', 150)); // long, valid: an unknown member
            data.Add(provider, fixture, "\\ud83d\\ude00" + new string('c', 90)); // a valid pair: an unknown member
        }

        return data;
    }

    private static readonly (string Provider, string Fixture)[] Seeds =
    [
        ("phaxio", "partialsuccess.json"),
        ("stonefax", "seed-outbound-unwrapped.json"),
        ("pantarey", "seed-finished.json"),
        ("concord", "json-mixed.json"),
        ("retarus", "seed-reports.json"),
    ];

    [Theory]
    [MemberData(nameof(Cases))]
    public void An_escaped_member_name_is_read_as_the_oracle_reads_it(string provider, string fixture, string escapedName)
    {
        var seed = Encoding.UTF8.GetString(Fixture.Bytes(provider, fixture));
        var open = seed.IndexOf('{', StringComparison.Ordinal);
        var body = Encoding.UTF8.GetBytes(seed[..(open + 1)] + "\"" + escapedName + "\":1," + seed[(open + 1)..]);
        var (oracle, candidate) = Parsers(provider);
        ParserAgreement.AssertAgree(body, oracle, candidate);
        if (escapedName.StartsWith("\\ud800", StringComparison.Ordinal))
        {
            Assert.Throws<FaxProtocolException>(() => candidate(body));
        }
        else
        {
            Assert.NotEmpty(candidate(body));
        }
    }

    [Theory]
    [InlineData("phaxio", "partialsuccess.json", "status", "st\\u0061tus")]
    [InlineData("stonefax", "seed-outbound-unwrapped.json", "status", "St\\u0061TUS")]
    [InlineData("concord", "json-mixed.json", "FaxJobId", "f\\u0061xjobid")]
    [InlineData("retarus", "seed-reports.json", "jobId", "J\\u006FBID")]
    public void An_escaped_spelling_of_a_member_name_is_that_member(string provider, string fixture, string name, string escaped)
    {
        var seed = Encoding.UTF8.GetString(Fixture.Bytes(provider, fixture));
        var body = Encoding.UTF8.GetBytes(seed.Replace("\"" + name + "\"", "\"" + escaped + "\"", StringComparison.Ordinal));
        Assert.NotEqual(seed, Encoding.UTF8.GetString(body));
        var (oracle, candidate) = Parsers(provider);
        ParserAgreement.AssertAgree(body, oracle, candidate);
        Assert.Equal(ParserAgreement.Canonical(candidate(Fixture.Bytes(provider, fixture))), ParserAgreement.Canonical(candidate(body)));
    }

    private static (Func<byte[], IReadOnlyList<FaxJobStatus>> Oracle, Func<byte[], IReadOnlyList<FaxJobStatus>> Candidate) Parsers(string provider) => provider switch
    {
        "phaxio" => (b => PhaxioOracleParser.Parse(b), b => PhaxioStatusParser.Parse(b)),
        "stonefax" => (b => StoneFaxOracleParser.ParseList(b), b => StoneFaxStatusParser.ParseList(b)),
        "pantarey" => (b => [PantareyOracleParser.Parse(b)], b => [PantareyStatusParser.Parse(b)]),
        "concord" => (b => ConcordOracleStatusParser.Parse(b), b => ConcordStatusParser.Parse(b)),
        "retarus" => (b => OracleRetarusStatusParser.Parse(b), b => RetarusStatusParser.Parse(b)),
        _ => throw new ArgumentOutOfRangeException(nameof(provider)),
    };
}
