namespace FaxSdk.Tests.Mapping;

/// <summary>Every <c>[FaxStatusMap]</c> enum in the repository, with its generated map.</summary>
/// <remarks><see cref="FaxStatusMapPropertyTests.Every_annotated_enum_in_the_repository_is_checked"/> fails when one is missing here.</remarks>
internal static class KnownMaps
{
    public static IReadOnlyList<IMapUnderTest> All { get; } =
    [
        new MapUnderTest<SampleJobStatus, FaxJobState>
        {
            Parse = SampleJobStatusMap.Parse, TryParse = SampleJobStatusMap.TryParse,
            ParseUtf8 = SampleJobStatusMap.ParseUtf8, TryParseUtf8 = SampleJobStatusMap.TryParseUtf8,
            ToWire = v => v.ToWire(), ToCanonical = v => v.ToCanonical(), Entries = SampleJobStatusMap.Entries,
        },
        new MapUnderTest<SampleCaseSensitiveStatus, FaxRecipientState>
        {
            Parse = SampleCaseSensitiveStatusMap.Parse, TryParse = SampleCaseSensitiveStatusMap.TryParse,
            ParseUtf8 = SampleCaseSensitiveStatusMap.ParseUtf8, TryParseUtf8 = SampleCaseSensitiveStatusMap.TryParseUtf8,
            ToWire = v => v.ToWire(), ToCanonical = v => v.ToCanonical(), Entries = SampleCaseSensitiveStatusMap.Entries,
        },
        new MapUnderTest<SampleCause, FaxFailureCategory>
        {
            Parse = SampleCauseMap.Parse, TryParse = SampleCauseMap.TryParse,
            ParseUtf8 = SampleCauseMap.ParseUtf8, TryParseUtf8 = SampleCauseMap.TryParseUtf8,
            ToWire = v => v.ToWire(), ToCanonical = v => v.ToCanonical(), Entries = SampleCauseMap.Entries,
            FromCode = SampleCauseMap.FromCode,
        },
        new MapUnderTest<SampleNonAsciiStatus, FaxRecipientState>
        {
            Parse = SampleNonAsciiStatusMap.Parse, TryParse = SampleNonAsciiStatusMap.TryParse,
            ParseUtf8 = SampleNonAsciiStatusMap.ParseUtf8, TryParseUtf8 = SampleNonAsciiStatusMap.TryParseUtf8,
            ToWire = v => v.ToWire(), ToCanonical = v => v.ToCanonical(), Entries = SampleNonAsciiStatusMap.Entries,
        },
    ];
}
