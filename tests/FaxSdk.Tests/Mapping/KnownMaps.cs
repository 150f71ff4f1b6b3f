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
        new MapUnderTest<global::FaxSdk.Phaxio.PhaxioFaxStatus, FaxJobState>
        {
            Parse = global::FaxSdk.Phaxio.PhaxioFaxStatusMap.Parse, TryParse = global::FaxSdk.Phaxio.PhaxioFaxStatusMap.TryParse,
            ParseUtf8 = global::FaxSdk.Phaxio.PhaxioFaxStatusMap.ParseUtf8, TryParseUtf8 = global::FaxSdk.Phaxio.PhaxioFaxStatusMap.TryParseUtf8,
            ToWire = v => global::FaxSdk.Phaxio.PhaxioFaxStatusMap.ToWire(v), ToCanonical = v => global::FaxSdk.Phaxio.PhaxioFaxStatusMap.ToCanonical(v), Entries = global::FaxSdk.Phaxio.PhaxioFaxStatusMap.Entries,
        },
        new MapUnderTest<global::FaxSdk.Phaxio.PhaxioRecipientStatus, FaxRecipientState>
        {
            Parse = global::FaxSdk.Phaxio.PhaxioRecipientStatusMap.Parse, TryParse = global::FaxSdk.Phaxio.PhaxioRecipientStatusMap.TryParse,
            ParseUtf8 = global::FaxSdk.Phaxio.PhaxioRecipientStatusMap.ParseUtf8, TryParseUtf8 = global::FaxSdk.Phaxio.PhaxioRecipientStatusMap.TryParseUtf8,
            ToWire = v => global::FaxSdk.Phaxio.PhaxioRecipientStatusMap.ToWire(v), ToCanonical = v => global::FaxSdk.Phaxio.PhaxioRecipientStatusMap.ToCanonical(v), Entries = global::FaxSdk.Phaxio.PhaxioRecipientStatusMap.Entries,
        },
        new MapUnderTest<global::FaxSdk.Phaxio.PhaxioErrorType, FaxFailureCategory>
        {
            Parse = global::FaxSdk.Phaxio.PhaxioErrorTypeMap.Parse, TryParse = global::FaxSdk.Phaxio.PhaxioErrorTypeMap.TryParse,
            ParseUtf8 = global::FaxSdk.Phaxio.PhaxioErrorTypeMap.ParseUtf8, TryParseUtf8 = global::FaxSdk.Phaxio.PhaxioErrorTypeMap.TryParseUtf8,
            ToWire = v => global::FaxSdk.Phaxio.PhaxioErrorTypeMap.ToWire(v), ToCanonical = v => global::FaxSdk.Phaxio.PhaxioErrorTypeMap.ToCanonical(v), Entries = global::FaxSdk.Phaxio.PhaxioErrorTypeMap.Entries,
        },
        new MapUnderTest<global::FaxSdk.Phaxio.PhaxioLineError, FaxFailureCategory>
        {
            Parse = global::FaxSdk.Phaxio.PhaxioLineErrorMap.Parse, TryParse = global::FaxSdk.Phaxio.PhaxioLineErrorMap.TryParse,
            ParseUtf8 = global::FaxSdk.Phaxio.PhaxioLineErrorMap.ParseUtf8, TryParseUtf8 = global::FaxSdk.Phaxio.PhaxioLineErrorMap.TryParseUtf8,
            ToWire = v => global::FaxSdk.Phaxio.PhaxioLineErrorMap.ToWire(v), ToCanonical = v => global::FaxSdk.Phaxio.PhaxioLineErrorMap.ToCanonical(v), Entries = global::FaxSdk.Phaxio.PhaxioLineErrorMap.Entries,
            FromCode = global::FaxSdk.Phaxio.PhaxioLineErrorMap.FromCode,
        },
        new MapUnderTest<global::FaxSdk.Phaxio.PhaxioFaxError, FaxFailureCategory>
        {
            Parse = global::FaxSdk.Phaxio.PhaxioFaxErrorMap.Parse, TryParse = global::FaxSdk.Phaxio.PhaxioFaxErrorMap.TryParse,
            ParseUtf8 = global::FaxSdk.Phaxio.PhaxioFaxErrorMap.ParseUtf8, TryParseUtf8 = global::FaxSdk.Phaxio.PhaxioFaxErrorMap.TryParseUtf8,
            ToWire = v => global::FaxSdk.Phaxio.PhaxioFaxErrorMap.ToWire(v), ToCanonical = v => global::FaxSdk.Phaxio.PhaxioFaxErrorMap.ToCanonical(v), Entries = global::FaxSdk.Phaxio.PhaxioFaxErrorMap.Entries,
            FromCode = global::FaxSdk.Phaxio.PhaxioFaxErrorMap.FromCode,
        },
        new MapUnderTest<global::FaxSdk.Phaxio.PhaxioDocumentConversionError, FaxFailureCategory>
        {
            Parse = global::FaxSdk.Phaxio.PhaxioDocumentConversionErrorMap.Parse, TryParse = global::FaxSdk.Phaxio.PhaxioDocumentConversionErrorMap.TryParse,
            ParseUtf8 = global::FaxSdk.Phaxio.PhaxioDocumentConversionErrorMap.ParseUtf8, TryParseUtf8 = global::FaxSdk.Phaxio.PhaxioDocumentConversionErrorMap.TryParseUtf8,
            ToWire = v => global::FaxSdk.Phaxio.PhaxioDocumentConversionErrorMap.ToWire(v), ToCanonical = v => global::FaxSdk.Phaxio.PhaxioDocumentConversionErrorMap.ToCanonical(v), Entries = global::FaxSdk.Phaxio.PhaxioDocumentConversionErrorMap.Entries,
            FromCode = global::FaxSdk.Phaxio.PhaxioDocumentConversionErrorMap.FromCode,
        },
        new MapUnderTest<global::FaxSdk.StoneFax.StoneFaxStatus, FaxJobState>
        {
            Parse = global::FaxSdk.StoneFax.StoneFaxStatusMap.Parse, TryParse = global::FaxSdk.StoneFax.StoneFaxStatusMap.TryParse,
            ParseUtf8 = global::FaxSdk.StoneFax.StoneFaxStatusMap.ParseUtf8, TryParseUtf8 = global::FaxSdk.StoneFax.StoneFaxStatusMap.TryParseUtf8,
            ToWire = v => global::FaxSdk.StoneFax.StoneFaxStatusMap.ToWire(v), ToCanonical = v => global::FaxSdk.StoneFax.StoneFaxStatusMap.ToCanonical(v), Entries = global::FaxSdk.StoneFax.StoneFaxStatusMap.Entries,
        },
        new MapUnderTest<global::FaxSdk.StoneFax.Q931Cause, FaxFailureCategory>
        {
            Parse = global::FaxSdk.StoneFax.Q931CauseMap.Parse, TryParse = global::FaxSdk.StoneFax.Q931CauseMap.TryParse,
            ParseUtf8 = global::FaxSdk.StoneFax.Q931CauseMap.ParseUtf8, TryParseUtf8 = global::FaxSdk.StoneFax.Q931CauseMap.TryParseUtf8,
            ToWire = v => global::FaxSdk.StoneFax.Q931CauseMap.ToWire(v), ToCanonical = v => global::FaxSdk.StoneFax.Q931CauseMap.ToCanonical(v), Entries = global::FaxSdk.StoneFax.Q931CauseMap.Entries,
            FromCode = global::FaxSdk.StoneFax.Q931CauseMap.FromCode,
        },
        new MapUnderTest<global::FaxSdk.Pantarey.PantareyJobStatus, FaxJobState>
        {
            Parse = global::FaxSdk.Pantarey.PantareyJobStatusMap.Parse, TryParse = global::FaxSdk.Pantarey.PantareyJobStatusMap.TryParse,
            ParseUtf8 = global::FaxSdk.Pantarey.PantareyJobStatusMap.ParseUtf8, TryParseUtf8 = global::FaxSdk.Pantarey.PantareyJobStatusMap.TryParseUtf8,
            ToWire = v => global::FaxSdk.Pantarey.PantareyJobStatusMap.ToWire(v), ToCanonical = v => global::FaxSdk.Pantarey.PantareyJobStatusMap.ToCanonical(v), Entries = global::FaxSdk.Pantarey.PantareyJobStatusMap.Entries,
        },
        new MapUnderTest<global::FaxSdk.Concord.ConcordFaxJobStatus, FaxJobState>
        {
            Parse = global::FaxSdk.Concord.ConcordFaxJobStatusMap.Parse, TryParse = global::FaxSdk.Concord.ConcordFaxJobStatusMap.TryParse,
            ParseUtf8 = global::FaxSdk.Concord.ConcordFaxJobStatusMap.ParseUtf8, TryParseUtf8 = global::FaxSdk.Concord.ConcordFaxJobStatusMap.TryParseUtf8,
            ToWire = v => global::FaxSdk.Concord.ConcordFaxJobStatusMap.ToWire(v), ToCanonical = v => global::FaxSdk.Concord.ConcordFaxJobStatusMap.ToCanonical(v), Entries = global::FaxSdk.Concord.ConcordFaxJobStatusMap.Entries,
            FromCode = global::FaxSdk.Concord.ConcordFaxJobStatusMap.FromCode,
        },
        new MapUnderTest<global::FaxSdk.Retarus.RetarusRecipientOutcome, FaxRecipientState>
        {
            Parse = global::FaxSdk.Retarus.RetarusRecipientOutcomeMap.Parse, TryParse = global::FaxSdk.Retarus.RetarusRecipientOutcomeMap.TryParse,
            ParseUtf8 = global::FaxSdk.Retarus.RetarusRecipientOutcomeMap.ParseUtf8, TryParseUtf8 = global::FaxSdk.Retarus.RetarusRecipientOutcomeMap.TryParseUtf8,
            ToWire = v => global::FaxSdk.Retarus.RetarusRecipientOutcomeMap.ToWire(v), ToCanonical = v => global::FaxSdk.Retarus.RetarusRecipientOutcomeMap.ToCanonical(v), Entries = global::FaxSdk.Retarus.RetarusRecipientOutcomeMap.Entries,
        },
        new MapUnderTest<global::FaxSdk.Retarus.RetarusFailureCode, FaxFailureCategory>
        {
            Parse = global::FaxSdk.Retarus.RetarusFailureCodeMap.Parse, TryParse = global::FaxSdk.Retarus.RetarusFailureCodeMap.TryParse,
            ParseUtf8 = global::FaxSdk.Retarus.RetarusFailureCodeMap.ParseUtf8, TryParseUtf8 = global::FaxSdk.Retarus.RetarusFailureCodeMap.TryParseUtf8,
            ToWire = v => global::FaxSdk.Retarus.RetarusFailureCodeMap.ToWire(v), ToCanonical = v => global::FaxSdk.Retarus.RetarusFailureCodeMap.ToCanonical(v), Entries = global::FaxSdk.Retarus.RetarusFailureCodeMap.Entries,
        },
    ];
}
