using FaxSdk;
using FaxSdk.Mapping;

namespace Faxolotl;

/// <summary>Faxolotl's recipient <c>state</c> values.</summary>
[FaxStatusMap]
public enum FaxolotlRecipientState
{
    /// <summary>Any value this version does not know.</summary>
    [UnknownWire] Unknown = 0,

    /// <summary><c>QUEUED</c>: waiting to be called.</summary>
    [Wire("QUEUED"), MapsTo(FaxRecipientState.Pending)] Queued,

    /// <summary><c>DIALING</c>: the call is being set up.</summary>
    [Wire("DIALING"), MapsTo(FaxRecipientState.Dialing)] Dialing,

    /// <summary><c>TRANSMITTING</c>: pages are being sent.</summary>
    [Wire("TRANSMITTING"), MapsTo(FaxRecipientState.Transmitting)] Transmitting,

    /// <summary><c>RETRYING</c>: the last call failed; Faxolotl will call again.</summary>
    [Wire("RETRYING"), MapsTo(FaxRecipientState.RetryScheduled)] Retrying,

    /// <summary><c>DELIVERED</c>: the recipient confirmed the fax.</summary>
    [Wire("DELIVERED"), MapsTo(FaxRecipientState.Succeeded)] Delivered,

    /// <summary><c>FAILED</c>: delivery failed for good.</summary>
    [Wire("FAILED"), MapsTo(FaxRecipientState.Failed)] Failed,

    /// <summary><c>CANCELLED</c>: not called because the job was cancelled.</summary>
    [Wire("CANCELLED"), MapsTo(FaxRecipientState.Canceled)] Cancelled,
}
