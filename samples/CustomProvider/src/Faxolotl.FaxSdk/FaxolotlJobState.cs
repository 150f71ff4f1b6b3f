using FaxSdk;
using FaxSdk.Mapping;

namespace Faxolotl;

/// <summary>Faxolotl's job <c>state</c> values. The FaxSdk generator writes <c>FaxolotlJobStateMap</c> from these attributes.</summary>
[FaxStatusMap]
public enum FaxolotlJobState
{
    /// <summary>Any value this version does not know.</summary>
    [UnknownWire] Unknown = 0,

    /// <summary><c>QUEUED</c>: accepted, not started.</summary>
    [Wire("QUEUED"), MapsTo(FaxJobState.Pending)] Queued,

    /// <summary><c>SENDING</c>: at least one recipient is being called.</summary>
    [Wire("SENDING"), MapsTo(FaxJobState.InProgress)] Sending,

    /// <summary><c>ON_HOLD</c>: held by the account owner.</summary>
    [Wire("ON_HOLD"), MapsTo(FaxJobState.Paused)] OnHold,

    /// <summary><c>DONE</c>: finished; the recipients say how well.</summary>
    [Wire("DONE"), MapsTo(FaxJobState.Succeeded)] Done,

    /// <summary><c>FAILED</c>: finished without delivery.</summary>
    [Wire("FAILED"), MapsTo(FaxJobState.Failed)] Failed,

    /// <summary><c>CANCELLED</c> (or the American <c>CANCELED</c>): stopped by the sender.</summary>
    [Wire("CANCELLED"), Wire("CANCELED"), MapsTo(FaxJobState.Canceled)] Cancelled,
}
