using FaxSdk.Concord;

namespace FaxSdk.Providers.Tests.Concord;

/// <summary>Every real Concord answer shape reads to its expected canonical JSON (see <see cref="ExpectedCanonical"/>).</summary>
public class ConcordFixtureTests
{
    // SimpleGetFaxStatus answers name no job: the job asked for, by fixture.
    private static readonly Dictionary<string, string> SimpleJobIds = new(StringComparer.Ordinal)
    {
        ["simple-soap-inprogress.xml"] = "br0000000003",
        ["simple-json-invalid-id.json"] = "br9999999999",
    };

    public static TheoryData<string> Fixtures() =>
        [.. Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "Fixtures", "concord")).Select(f => Path.GetFileName(f)!).Order()];

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Fixture_reads_to_its_expected_canonical_json(string fixture) =>
        ExpectedCanonical.Verify("concord", fixture, body => SimpleJobIds.TryGetValue(fixture, out var jobId)
            ? [ConcordStatusParser.ParseSimple(body, jobId)]
            : ConcordStatusParser.Parse(body));
}
