using FaxSdk.Mapping;

namespace FaxSdk.Phaxio;

/// <summary>Phaxio's fax (job) status values (API v2.1 <c>status</c> of a fax object).</summary>
[FaxStatusMap]
public enum PhaxioFaxStatus
{
    /// <summary>Any value Phaxio sends that this version does not know.</summary>
    [UnknownWire] Unknown = 0,

    /// <summary><c>queued</c>, or <c>pendingbatch</c> (batching window open).</summary>
    [Wire("queued"), Wire("pendingbatch"), MapsTo(FaxJobState.Pending)] Queued,

    /// <summary><c>inprogress</c>: communicating with the fax machine.</summary>
    [Wire("inprogress"), MapsTo(FaxJobState.InProgress)] InProgress,

    /// <summary><c>success</c>: every recipient received the fax.</summary>
    [Wire("success"), MapsTo(FaxJobState.Succeeded)] Success,

    /// <summary><c>partialsuccess</c>: some recipients received the fax.</summary>
    [Wire("partialsuccess"), MapsTo(FaxJobState.PartiallySucceeded)] PartialSuccess,

    /// <summary><c>failure</c>: no recipient received the fax.</summary>
    [Wire("failure"), MapsTo(FaxJobState.Failed)] Failure,
}
