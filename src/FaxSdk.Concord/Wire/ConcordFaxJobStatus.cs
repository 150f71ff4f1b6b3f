using FaxSdk.Mapping;

namespace FaxSdk.Concord;

/// <summary>Concord <c>FaxJobStatusId</c> values. One Concord job is one recipient.</summary>
[FaxStatusMap]
public enum ConcordFaxJobStatus
{
    /// <summary>Any other value (including -5019, an unknown job id).</summary>
    [UnknownWire] Unknown = 0,

    /// <summary>1: the job succeeded.</summary>
    [Wire(1), MapsTo(FaxJobState.Succeeded)] Succeeded,

    /// <summary>2: the job failed.</summary>
    [Wire(2), MapsTo(FaxJobState.Failed)] Failed,

    /// <summary>3: being processed (queued or transmitting; Concord does not say which).</summary>
    [Wire(3), MapsTo(FaxJobState.InProgress)] InProgress,
}
