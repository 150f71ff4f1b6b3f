using FsCheck;
using FsCheck.Fluent;

namespace FaxSdk.Tests.Mapping;

/// <summary>
/// FsCheck arbitraries over every generated map (<see cref="KnownMaps"/>): each case picks a map, then an input
/// biased towards that map's wire values. A counterexample shrinks its text or code and keeps its map.
/// </summary>
public static class MapArbitraries
{
    /// <summary>Cases per map on average, as FsCheck's default run gives each property.</summary>
    public const int CasesPerMap = 100;

    /// <summary>Cases of a property over <see cref="MapInput()"/>: <see cref="CasesPerMap"/> for each of the 16 maps.</summary>
    public const int MapInputCases = CasesPerMap * 16;

    /// <summary>Cases of a property over <see cref="MapCode()"/>: <see cref="CasesPerMap"/> for each of the 6 maps with codes.</summary>
    public const int MapCodeCases = CasesPerMap * 6;

    /// <summary>Maps with <c>FromCode</c>.</summary>
    public static IReadOnlyList<IMapUnderTest> MapsWithCodes { get; } = [.. KnownMaps.All.Where(m => m.HasCodes)];

    public static Arbitrary<MapInput> MapInput() =>
        Arb.From(
            from map in Gen.Elements(KnownMaps.All.ToArray())
            from text in map.Inputs()
            select new MapInput(map, text),
            input => ArbMap.Default.ArbFor<string>().Shrinker(input.Text).Where(text => text is not null).Select(text => input with { Text = text }));

    public static Arbitrary<MapCode> MapCode() =>
        Arb.From(
            from map in Gen.Elements(MapsWithCodes.ToArray())
            from code in map.CodeInputs()
            select new MapCode(map, code),
            input => ArbMap.Default.ArbFor<int>().Shrinker(input.Code).Select(code => input with { Code = code }));
}
