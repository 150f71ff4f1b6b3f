using FaxSdk.Concord;
using FaxSdk.Pantarey;
using FaxSdk.Phaxio;
using FaxSdk.Retarus;
using FaxSdk.StoneFax;
using FaxSdk.Mapping;

namespace FaxSdk.Benchmarks;

// One wire-parsing benchmark class per provider enum in the repository.

public class PhaxioFaxStatusParse : WireParseBenchmark<PhaxioFaxStatus, FaxJobState>
{
    protected override IReadOnlyList<WireMapEntry<PhaxioFaxStatus, FaxJobState>> Entries => PhaxioFaxStatusMap.Entries;

    protected override PhaxioFaxStatus ParseGenerated(ReadOnlySpan<char> value) => PhaxioFaxStatusMap.Parse(value);

    protected override PhaxioFaxStatus ParseGeneratedUtf8(ReadOnlySpan<byte> value) => PhaxioFaxStatusMap.ParseUtf8(value);
}

public class PhaxioRecipientStatusParse : WireParseBenchmark<PhaxioRecipientStatus, FaxRecipientState>
{
    protected override IReadOnlyList<WireMapEntry<PhaxioRecipientStatus, FaxRecipientState>> Entries => PhaxioRecipientStatusMap.Entries;

    protected override PhaxioRecipientStatus ParseGenerated(ReadOnlySpan<char> value) => PhaxioRecipientStatusMap.Parse(value);

    protected override PhaxioRecipientStatus ParseGeneratedUtf8(ReadOnlySpan<byte> value) => PhaxioRecipientStatusMap.ParseUtf8(value);
}

public class PhaxioErrorTypeParse : WireParseBenchmark<PhaxioErrorType, FaxFailureCategory>
{
    protected override IReadOnlyList<WireMapEntry<PhaxioErrorType, FaxFailureCategory>> Entries => PhaxioErrorTypeMap.Entries;

    protected override PhaxioErrorType ParseGenerated(ReadOnlySpan<char> value) => PhaxioErrorTypeMap.Parse(value);

    protected override PhaxioErrorType ParseGeneratedUtf8(ReadOnlySpan<byte> value) => PhaxioErrorTypeMap.ParseUtf8(value);
}

public class PhaxioLineErrorParse : WireParseBenchmark<PhaxioLineError, FaxFailureCategory>
{
    protected override IReadOnlyList<WireMapEntry<PhaxioLineError, FaxFailureCategory>> Entries => PhaxioLineErrorMap.Entries;

    protected override PhaxioLineError ParseGenerated(ReadOnlySpan<char> value) => PhaxioLineErrorMap.Parse(value);

    protected override PhaxioLineError ParseGeneratedUtf8(ReadOnlySpan<byte> value) => PhaxioLineErrorMap.ParseUtf8(value);
}

public class PhaxioFaxErrorParse : WireParseBenchmark<PhaxioFaxError, FaxFailureCategory>
{
    protected override IReadOnlyList<WireMapEntry<PhaxioFaxError, FaxFailureCategory>> Entries => PhaxioFaxErrorMap.Entries;

    protected override PhaxioFaxError ParseGenerated(ReadOnlySpan<char> value) => PhaxioFaxErrorMap.Parse(value);

    protected override PhaxioFaxError ParseGeneratedUtf8(ReadOnlySpan<byte> value) => PhaxioFaxErrorMap.ParseUtf8(value);
}

public class StoneFaxStatusParse : WireParseBenchmark<StoneFaxStatus, FaxJobState>
{
    protected override IReadOnlyList<WireMapEntry<StoneFaxStatus, FaxJobState>> Entries => StoneFaxStatusMap.Entries;

    protected override StoneFaxStatus ParseGenerated(ReadOnlySpan<char> value) => StoneFaxStatusMap.Parse(value);

    protected override StoneFaxStatus ParseGeneratedUtf8(ReadOnlySpan<byte> value) => StoneFaxStatusMap.ParseUtf8(value);
}

public class Q931CauseParse : WireParseBenchmark<Q931Cause, FaxFailureCategory>
{
    protected override IReadOnlyList<WireMapEntry<Q931Cause, FaxFailureCategory>> Entries => Q931CauseMap.Entries;

    protected override Q931Cause ParseGenerated(ReadOnlySpan<char> value) => Q931CauseMap.Parse(value);

    protected override Q931Cause ParseGeneratedUtf8(ReadOnlySpan<byte> value) => Q931CauseMap.ParseUtf8(value);
}

public class PantareyJobStatusParse : WireParseBenchmark<PantareyJobStatus, FaxJobState>
{
    protected override IReadOnlyList<WireMapEntry<PantareyJobStatus, FaxJobState>> Entries => PantareyJobStatusMap.Entries;

    protected override PantareyJobStatus ParseGenerated(ReadOnlySpan<char> value) => PantareyJobStatusMap.Parse(value);

    protected override PantareyJobStatus ParseGeneratedUtf8(ReadOnlySpan<byte> value) => PantareyJobStatusMap.ParseUtf8(value);
}

public class ConcordFaxJobStatusParse : WireParseBenchmark<ConcordFaxJobStatus, FaxJobState>
{
    protected override IReadOnlyList<WireMapEntry<ConcordFaxJobStatus, FaxJobState>> Entries => ConcordFaxJobStatusMap.Entries;

    protected override ConcordFaxJobStatus ParseGenerated(ReadOnlySpan<char> value) => ConcordFaxJobStatusMap.Parse(value);

    protected override ConcordFaxJobStatus ParseGeneratedUtf8(ReadOnlySpan<byte> value) => ConcordFaxJobStatusMap.ParseUtf8(value);
}

public class RetarusRecipientOutcomeParse : WireParseBenchmark<RetarusRecipientOutcome, FaxRecipientState>
{
    protected override IReadOnlyList<WireMapEntry<RetarusRecipientOutcome, FaxRecipientState>> Entries => RetarusRecipientOutcomeMap.Entries;

    protected override RetarusRecipientOutcome ParseGenerated(ReadOnlySpan<char> value) => RetarusRecipientOutcomeMap.Parse(value);

    protected override RetarusRecipientOutcome ParseGeneratedUtf8(ReadOnlySpan<byte> value) => RetarusRecipientOutcomeMap.ParseUtf8(value);
}

public class RetarusFailureCodeParse : WireParseBenchmark<RetarusFailureCode, FaxFailureCategory>
{
    protected override IReadOnlyList<WireMapEntry<RetarusFailureCode, FaxFailureCategory>> Entries => RetarusFailureCodeMap.Entries;

    protected override RetarusFailureCode ParseGenerated(ReadOnlySpan<char> value) => RetarusFailureCodeMap.Parse(value);

    protected override RetarusFailureCode ParseGeneratedUtf8(ReadOnlySpan<byte> value) => RetarusFailureCodeMap.ParseUtf8(value);
}
