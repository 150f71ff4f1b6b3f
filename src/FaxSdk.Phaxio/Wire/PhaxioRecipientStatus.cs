using FaxSdk.Mapping;

namespace FaxSdk.Phaxio;

/// <summary>Phaxio's per-recipient status values. A recipient whose <c>status</c> is JSON <c>null</c> (right after creation) is pending.</summary>
[FaxStatusMap]
public enum PhaxioRecipientStatus
{
    /// <summary>Any value Phaxio sends that this version does not know.</summary>
    [UnknownWire] Unknown = 0,

    /// <summary><c>queued</c> or <c>pendingbatch</c>.</summary>
    [Wire("queued"), Wire("pendingbatch"), MapsTo(FaxRecipientState.Pending)] Queued,

    /// <summary><c>inprogress</c>: the call is being set up.</summary>
    [Wire("inprogress"), MapsTo(FaxRecipientState.Dialing)] InProgress,

    /// <summary><c>ringing</c>: the line is ringing.</summary>
    [Wire("ringing"), MapsTo(FaxRecipientState.Dialing)] Ringing,

    /// <summary><c>callactive</c>: the far side answered and the fax is being sent.</summary>
    [Wire("callactive"), MapsTo(FaxRecipientState.Transmitting)] CallActive,

    /// <summary><c>willretry</c>: the last call failed; Phaxio will call again.</summary>
    [Wire("willretry"), MapsTo(FaxRecipientState.RetryScheduled)] WillRetry,

    /// <summary><c>success</c>: the recipient received the fax.</summary>
    [Wire("success"), MapsTo(FaxRecipientState.Succeeded)] Success,

    /// <summary><c>failure</c>: delivery failed for good.</summary>
    [Wire("failure"), MapsTo(FaxRecipientState.Failed)] Failure,
}
