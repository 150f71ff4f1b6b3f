using System.Text.Json.Serialization;

namespace FaxSdk.Phaxio.Dto;

/// <summary>A v2.1 fax object (the fields FaxSdk reads; others are ignored).</summary>
internal sealed class PhaxioFax
{
    [JsonConverter(typeof(NumberOrStringConverter))]
    public string? Id { get; set; }

    public string? Direction { get; set; }

    public int? NumPages { get; set; }

    public string? Status { get; set; }

    public bool? IsTest { get; set; }

    public DateTimeOffset? CreatedAt { get; set; }

    public DateTimeOffset? CompletedAt { get; set; }

    public List<PhaxioRecipient>? Recipients { get; set; }

    public string? ErrorType { get; set; }

    public int? ErrorId { get; set; }

    public string? ErrorMessage { get; set; }
}
