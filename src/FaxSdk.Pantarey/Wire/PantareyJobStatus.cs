using FaxSdk.Mapping;

namespace FaxSdk.Pantarey;

/// <summary>Pantarey "Query fax status" <c>status</c> values.</summary>
/// <remarks><c>finished</c> maps to <see cref="FaxJobState.Succeeded"/> before the outcome rule: finished does not mean
/// every recipient got the fax, so the per-recipient <c>resultCode</c> decides the canonical outcome.</remarks>
[FaxStatusMap]
public enum PantareyJobStatus
{
    /// <summary>Any value Pantarey sends that this version does not know.</summary>
    [UnknownWire] Unknown = 0,

    /// <summary><c>scheduling</c>.</summary>
    [Wire("scheduling"), MapsTo(FaxJobState.Pending)] Scheduling,

    /// <summary><c>scheduled</c>.</summary>
    [Wire("scheduled"), MapsTo(FaxJobState.Pending)] Scheduled,

    /// <summary><c>processing</c>.</summary>
    [Wire("processing"), MapsTo(FaxJobState.InProgress)] Processing,

    /// <summary><c>halted</c>: paused, not final.</summary>
    [Wire("halted"), MapsTo(FaxJobState.Paused)] Halted,

    /// <summary><c>locked</c>: paused, not final.</summary>
    [Wire("locked"), MapsTo(FaxJobState.Paused)] Locked,

    /// <summary><c>finished</c>: the job is complete; recipients may still have failed.</summary>
    [Wire("finished"), MapsTo(FaxJobState.Succeeded)] Finished,

    /// <summary><c>error</c>: the job failed.</summary>
    [Wire("error"), MapsTo(FaxJobState.Failed)] Error,

    /// <summary><c>canceled</c> (also accepted as <c>cancelled</c>).</summary>
    [Wire("canceled"), Wire("cancelled"), MapsTo(FaxJobState.Canceled)] Canceled,
}
