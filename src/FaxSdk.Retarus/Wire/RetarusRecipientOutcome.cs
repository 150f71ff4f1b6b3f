using FaxSdk.Mapping;

namespace FaxSdk.Retarus;

/// <summary>Recipient <c>status</c> codes that are not failures. Any code of <see cref="RetarusFailureCode"/> is a failure.</summary>
[FaxStatusMap]
public enum RetarusRecipientOutcome
{
    /// <summary>Not one of these codes.</summary>
    [UnknownWire] Unknown = 0,

    /// <summary><c>OK</c>: all pages delivered.</summary>
    [Wire("OK"), MapsTo(FaxRecipientState.Succeeded)] Ok,

    /// <summary><c>CANCELLED</c>: canceled by a user in the Retarus portal.</summary>
    [Wire("CANCELLED"), Wire("CANCELED"), MapsTo(FaxRecipientState.Canceled)] Cancelled,

    /// <summary><c>PENDING</c>: seen in some clients as a pre-final value.</summary>
    [Wire("PENDING"), MapsTo(FaxRecipientState.Pending)] Pending,
}
