using System.Reflection;
using FaxSdk.Mapping;
using FsCheck.Xunit;

namespace FaxSdk.Tests.Mapping;

/// <summary>Generated maps against a reflection oracle that reads the attributes, over generated input (FsCheck properties) and exhaustive edits.</summary>
public class FaxStatusMapPropertyTests
{
    public static TheoryData<IMapUnderTest> Maps { get; } = new(KnownMaps.All);

    public static TheoryData<IMapUnderTest> MapsWithoutCodes { get; } = new(KnownMaps.All.Where(m => !m.HasCodes));

    [Property(Arbitrary = [typeof(MapArbitraries)], MaxTest = MapArbitraries.MapInputCases)]
    public void Parse_equals_the_oracle_and_never_throws(MapInput input) => input.Map.AssertParseAgreesWithOracle(input.Text);

    [Property(Arbitrary = [typeof(MapArbitraries)], MaxTest = MapArbitraries.MapInputCases)]
    public void Utf8_and_utf16_paths_agree(MapInput input) => input.Map.AssertUtf8AgreesWithUtf16(input.Text);

    [Property(Arbitrary = [typeof(MapArbitraries)], MaxTest = MapArbitraries.MapCodeCases)]
    public void FromCode_equals_the_oracle(MapCode input) => input.Map.AssertFromCodeAgreesWithOracle(input.Code);

    [Fact]
    public void Each_map_gets_its_share_of_the_property_cases()
    {
        Assert.Equal(MapArbitraries.MapInputCases, MapArbitraries.CasesPerMap * KnownMaps.All.Count);
        Assert.Equal(MapArbitraries.MapCodeCases, MapArbitraries.CasesPerMap * MapArbitraries.MapsWithCodes.Count);
    }

    [Theory]
    [MemberData(nameof(MapsWithoutCodes), DisableDiscoveryEnumeration = true)]
    public void A_map_without_FromCode_declares_no_codes(IMapUnderTest map) => map.CheckNoCodesWithoutFromCode();

    [Theory]
    [MemberData(nameof(Maps), DisableDiscoveryEnumeration = true)]
    public void Enum_to_wire_to_enum_round_trips_and_maps_as_declared(IMapUnderTest map) => map.CheckRoundTripAndCanonical();

    [Theory]
    [MemberData(nameof(Maps), DisableDiscoveryEnumeration = true)]
    public void Single_code_unit_edits_of_every_wire_value_parse_as_the_oracle_says(IMapUnderTest map) => map.CheckSingleCodeUnitEdits();

    [Theory]
    [MemberData(nameof(Maps), DisableDiscoveryEnumeration = true)]
    public void Code_text_parses_exactly_as_int_TryParse_invariant(IMapUnderTest map) => map.CheckCodeTextEdgeCases();

    [Fact]
    public void Every_annotated_enum_in_the_repository_is_checked()
    {
        var assemblies = typeof(FaxStatusMapPropertyTests).Assembly.GetReferencedAssemblies()
            .Where(name => name.Name!.StartsWith("FaxSdk", StringComparison.Ordinal))
            .Select(Assembly.Load)
            .Append(typeof(FaxStatusMapPropertyTests).Assembly);
        var annotated = assemblies
            .SelectMany(a => a.GetTypes())
            .Where(t => t.IsEnum && t.GetCustomAttribute<FaxStatusMapAttribute>() is not null)
            .Select(t => t.FullName)
            .Order()
            .ToArray();

        Assert.NotEmpty(annotated);
        Assert.Equal(annotated, KnownMaps.All.Select(m => m.EnumType.FullName).Order().ToArray());
    }

    [Fact]
    public void Case_rule_folds_ascii_letters_only()
    {
        Assert.Equal(SampleJobStatus.PartialSuccess, SampleJobStatusMap.Parse("PartialSuccess"));
        Assert.Equal(SampleJobStatus.Unknown, SampleJobStatusMap.Parse("ınprogress"));      // dotless i is not 'i'
        Assert.Equal(SampleCaseSensitiveStatus.Ok, SampleCaseSensitiveStatusMap.Parse("OK"));
        Assert.Equal(SampleCaseSensitiveStatus.LowerOk, SampleCaseSensitiveStatusMap.Parse("ok"));
        Assert.Equal(SampleCaseSensitiveStatus.Unknown, SampleCaseSensitiveStatusMap.Parse("Ok"));
        Assert.Equal(SampleNonAsciiStatus.Overdue, SampleNonAsciiStatusMap.Parse("ÜBERFÄLLIG-2"));
        Assert.Equal(SampleNonAsciiStatus.Overdue, SampleNonAsciiStatusMap.Parse("überfällig"));
        Assert.Equal(SampleNonAsciiStatus.Unknown, SampleNonAsciiStatusMap.Parse("ÜBERFÄLLIG"));    // Ü is not folded
        Assert.Equal(FaxRecipientState.Pending, SampleNonAsciiStatus.Unknown.ToCanonical());      // explicit [MapsTo] on the unknown member
    }

    [Fact]
    public void Codes_parse_from_text_and_numbers()
    {
        Assert.Equal(SampleCause.Busy, SampleCauseMap.Parse("17"));
        Assert.Equal(SampleCause.Busy, SampleCauseMap.Parse("+17"));
        Assert.Equal(SampleCause.Busy, SampleCauseMap.Parse("BUSY"));
        Assert.Equal(SampleCause.InvalidJob, SampleCauseMap.FromCode(-5019));
        Assert.Equal(SampleCause.Unallocated, SampleCauseMap.FromCode(22));
        Assert.Equal(SampleCause.Unknown, SampleCauseMap.FromCode(18));
        Assert.Equal(SampleCause.Unknown, SampleCauseMap.Parse("17.0"));
        Assert.Equal("17", SampleCause.Busy.ToWire());
        Assert.True(SampleCause.Busy.IsRetryable());
        Assert.False(SampleCause.Unallocated.IsRetryable());
    }
}
