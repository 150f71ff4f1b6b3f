using FaxSdk.Mapping;

namespace FaxSdk.Tests.Mapping;

// Enums that exercise every shape the generator supports; provider enums join them in FaxStatusMapPropertyTests.

[FaxStatusMap]
public enum SampleJobStatus
{
    [Wire("queued"), Wire("pendingbatch"), MapsTo(FaxJobState.Pending)] Queued,
    [Wire("inprogress"), Wire("in_progress"), MapsTo(FaxJobState.InProgress)] InProgress,
    [Wire("halted"), MapsTo(FaxJobState.Paused)] Halted,
    [Wire("success"), MapsTo(FaxJobState.Succeeded)] Success,
    [Wire("partialsuccess"), MapsTo(FaxJobState.PartiallySucceeded)] PartialSuccess,
    [Wire("failure"), MapsTo(FaxJobState.Failed)] Failure,
    [Wire("canceled"), Wire("cancelled"), MapsTo(FaxJobState.Canceled)] Canceled,
    [UnknownWire] Unknown,
}

[FaxStatusMap(IgnoreCase = false)]
public enum SampleCaseSensitiveStatus
{
    [Wire("OK"), MapsTo(FaxRecipientState.Succeeded)] Ok,
    [Wire("ok"), MapsTo(FaxRecipientState.Pending)] LowerOk,
    [Wire("Retry"), MapsTo(FaxRecipientState.RetryScheduled)] Retry,
    [UnknownWire] Unknown,
}

[FaxStatusMap]
public enum SampleCause
{
    [UnknownWire] Unknown = 0,
    [Wire(1), Wire(22), MapsTo(FaxFailureCategory.InvalidNumber)] Unallocated = 1,
    [Wire(17), Wire("busy"), MapsTo(FaxFailureCategory.Busy)] Busy = 17,
    [Wire(-5019), MapsTo(FaxFailureCategory.ProviderError)] InvalidJob = 100,
    [Wire(int.MaxValue), MapsTo(FaxFailureCategory.NetworkError)] Max = 101,
}

[FaxStatusMap]
public enum SampleNonAsciiStatus
{
    [Wire("zugestellt"), MapsTo(FaxRecipientState.Succeeded)] Delivered,
    [Wire("überfällig"), Wire("ÜBERFÄLLIG-2"), MapsTo(FaxRecipientState.Failed)] Overdue,
    [Wire("in Übertragung"), MapsTo(FaxRecipientState.Transmitting)] Transmitting,
    [UnknownWire, MapsTo(FaxRecipientState.Pending)] Unknown,
}
