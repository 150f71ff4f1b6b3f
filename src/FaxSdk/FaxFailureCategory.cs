using System.Text.Json.Serialization;

namespace FaxSdk;

/// <summary>Why a fax (or one recipient of it) failed, in the same terms for every provider.</summary>
/// <remarks>
/// <para>Retryable (<see cref="FaxStateExtensions.IsRetryable(FaxFailureCategory)"/> is <see langword="true"/>):
/// <see cref="Busy"/>, <see cref="NoAnswer"/>, <see cref="NotAFaxDevice"/>, <see cref="NetworkError"/>,
/// <see cref="TransmissionError"/>, <see cref="ProviderError"/>: sending the same fax again later may work.</para>
/// <para>Not retryable: <see cref="InvalidNumber"/>, <see cref="Rejected"/>, <see cref="IncompatibleDestination"/>,
/// <see cref="UnconfirmedDelivery"/>, <see cref="DocumentError"/>, <see cref="AccountError"/>, <see cref="Canceled"/>,
/// <see cref="Unknown"/>: something must change first, or (for <see cref="UnconfirmedDelivery"/>) the fax has
/// probably arrived and an automatic resend would duplicate it.</para>
/// </remarks>
[JsonConverter(typeof(JsonStringEnumConverter<FaxFailureCategory>))]
public enum FaxFailureCategory
{
    /// <summary>The cause is not known or could not be mapped. Not retryable: find out first.</summary>
    [JsonStringEnumMemberName("unknown")] Unknown = 0,

    /// <summary>The line was busy. Retryable, with back-off.</summary>
    [JsonStringEnumMemberName("busy")] Busy,

    /// <summary>Nobody answered (ring timeout). Retryable, with back-off.</summary>
    [JsonStringEnumMemberName("noAnswer")] NoAnswer,

    /// <summary>A person, answering machine or modem answered, or no fax tones were heard. Retryable a limited number of times.</summary>
    [JsonStringEnumMemberName("notAFaxDevice")] NotAFaxDevice,

    /// <summary>The call could not be set up through the network (congestion, no circuit, temporary failure). Retryable.</summary>
    [JsonStringEnumMemberName("networkError")] NetworkError,

    /// <summary>The fax protocol failed during negotiation or page transfer. Retryable; pages may already have arrived.</summary>
    [JsonStringEnumMemberName("transmissionError")] TransmissionError,

    /// <summary>The provider failed internally. Retryable.</summary>
    [JsonStringEnumMemberName("providerError")] ProviderError,

    /// <summary>The number does not exist, is incomplete or has changed. Not retryable: fix the number.</summary>
    [JsonStringEnumMemberName("invalidNumber")] InvalidNumber,

    /// <summary>The call was rejected or the number is on a block list. Not retryable.</summary>
    [JsonStringEnumMemberName("rejected")] Rejected,

    /// <summary>The destination cannot receive this fax (bearer capability, image size or resolution). Not retryable unchanged.</summary>
    [JsonStringEnumMemberName("incompatibleDestination")] IncompatibleDestination,

    /// <summary>The end of transmission was not confirmed: the fax has probably arrived. Never resend automatically.</summary>
    [JsonStringEnumMemberName("unconfirmedDelivery")] UnconfirmedDelivery,

    /// <summary>The document could not be read, converted or rendered. Not retryable: fix the document.</summary>
    [JsonStringEnumMemberName("documentError")] DocumentError,

    /// <summary>The account cannot send (credit, permissions, configuration). Not retryable until the account is fixed.</summary>
    [JsonStringEnumMemberName("accountError")] AccountError,

    /// <summary>The fax was canceled. Not retryable.</summary>
    [JsonStringEnumMemberName("canceled")] Canceled,
}
