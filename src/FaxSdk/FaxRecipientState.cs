using System.Text.Json.Serialization;

namespace FaxSdk;

/// <summary>Where the delivery to one recipient stands, in the same terms for every provider.</summary>
/// <remarks>
/// <see cref="Succeeded"/>, <see cref="Failed"/> and <see cref="Canceled"/> are terminal. <see cref="RetryScheduled"/>
/// is not: the provider will call again.
/// </remarks>
[JsonConverter(typeof(JsonStringEnumConverter<FaxRecipientState>))]
public enum FaxRecipientState
{
    /// <summary>The provider's value could not be mapped. Not terminal.</summary>
    [JsonStringEnumMemberName("unknown")] Unknown = 0,

    /// <summary>Waiting to be called (including a provider that has not assigned a status yet).</summary>
    [JsonStringEnumMemberName("pending")] Pending,

    /// <summary>The call is being placed or is ringing.</summary>
    [JsonStringEnumMemberName("dialing")] Dialing,

    /// <summary>The far end answered and pages are being sent.</summary>
    [JsonStringEnumMemberName("transmitting")] Transmitting,

    /// <summary>The last attempt failed and the provider will try again. Not terminal.</summary>
    [JsonStringEnumMemberName("retryScheduled")] RetryScheduled,

    /// <summary>The recipient received the fax. Terminal.</summary>
    [JsonStringEnumMemberName("succeeded")] Succeeded,

    /// <summary>Delivery to this recipient failed for good. Terminal; <see cref="FaxRecipientStatus.Error"/> says why.</summary>
    [JsonStringEnumMemberName("failed")] Failed,

    /// <summary>Delivery to this recipient was canceled. Terminal.</summary>
    [JsonStringEnumMemberName("canceled")] Canceled,
}
