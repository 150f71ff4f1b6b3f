using System.Text.Json.Serialization;
using FaxSdk.Transport;

namespace FaxSdk.Providers.Tests.Phaxio.Oracle;

/// <summary>A v2.1 recipient of a sent fax (<c>bitrate</c> and <c>resolution</c> are not read).</summary>
internal sealed class PhaxioRecipient
{
    public string? PhoneNumber { get; set; }

    public string? Status { get; set; }

    public int? RetryCount { get; set; }

    public DateTimeOffset? CompletedAt { get; set; }

    public string? ErrorType { get; set; }

    public int? ErrorId { get; set; }

    public string? ErrorMessage { get; set; }

    /// <summary>API v1 only: the recipient's number (v2 calls it <c>phone_number</c>).</summary>
    [JsonConverter(typeof(FaxPresenceConverter))]
    public bool Number { get; set; }
}
