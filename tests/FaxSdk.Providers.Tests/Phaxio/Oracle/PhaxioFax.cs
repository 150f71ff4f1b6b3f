using System.Text.Json.Serialization;
using FaxSdk.Transport;

namespace FaxSdk.Providers.Tests.Phaxio.Oracle;

/// <summary>A v2.1 fax object (the fields FaxSdk reads; others are skipped), plus markers of API v1 fields.</summary>
internal class PhaxioFax
{
    [JsonConverter(typeof(NumberOrStringConverter))]
    public string? Id { get; set; }

    public string? Direction { get; set; }

    public int? NumPages { get; set; }

    public string? Status { get; set; }

    public bool? IsTest { get; set; }

    public DateTimeOffset? CreatedAt { get; set; }

    public DateTimeOffset? CompletedAt { get; set; }

    /// <summary>Recipients; a <see langword="null"/> element is reported as an error, not skipped.</summary>
    public List<PhaxioRecipient?>? Recipients { get; set; }

    public string? ErrorType { get; set; }

    public int? ErrorId { get; set; }

    public string? ErrorMessage { get; set; }

    /// <summary>API v1 only: the creation time as a Unix timestamp.</summary>
    [JsonConverter(typeof(FaxPresenceConverter))]
    public bool RequestedAt { get; set; }

    /// <summary>API v1 only: the error text (v2 calls it <c>error_message</c>).</summary>
    [JsonConverter(typeof(FaxPresenceConverter))]
    public bool ErrorCode { get; set; }

    /// <summary>API v1 only: the id in a send answer.</summary>
    [JsonPropertyName("faxId")]
    [JsonConverter(typeof(FaxPresenceConverter))]
    public bool FaxId { get; set; }
}
