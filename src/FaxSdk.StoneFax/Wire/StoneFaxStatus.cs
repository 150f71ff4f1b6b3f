using FaxSdk.Mapping;

namespace FaxSdk.StoneFax;

/// <summary>Imagicle StoneFax (Digital Fax) outbound fax <c>status</c> values.</summary>
[FaxStatusMap]
public enum StoneFaxStatus
{
    /// <summary>Any value StoneFax sends that this version does not know.</summary>
    [UnknownWire] Unknown = 0,

    /// <summary><c>Queued</c>.</summary>
    [Wire("Queued"), MapsTo(FaxJobState.Pending)] Queued,

    /// <summary><c>InProgress</c>.</summary>
    [Wire("InProgress"), MapsTo(FaxJobState.InProgress)] InProgress,

    /// <summary><c>Completed</c>: sent.</summary>
    [Wire("Completed"), MapsTo(FaxJobState.Succeeded)] Completed,

    /// <summary><c>Failed</c>: see <c>failureReason</c> and <c>Q931Code</c>.</summary>
    [Wire("Failed"), MapsTo(FaxJobState.Failed)] Failed,

    /// <summary><c>Canceled</c> (also accepted as <c>Cancelled</c>).</summary>
    [Wire("Canceled"), Wire("Cancelled"), MapsTo(FaxJobState.Canceled)] Canceled,
}
