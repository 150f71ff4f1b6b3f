using FaxSdk.StoneFax;

namespace FaxSdk.Providers.Tests.StoneFax;

/// <summary>Every real StoneFax answer shape reads to its expected canonical JSON (see <see cref="ExpectedCanonical"/>).</summary>
public class StoneFaxFixtureTests
{
    public static TheoryData<string> Fixtures() =>
        [.. Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "Fixtures", "stonefax")).Select(f => Path.GetFileName(f)!).Order()];

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Fixture_reads_to_its_expected_canonical_json(string fixture) =>
        ExpectedCanonical.Verify("stonefax", fixture, body => StoneFaxStatusParser.ParseList(body, TimeZoneInfo.Utc));
}
