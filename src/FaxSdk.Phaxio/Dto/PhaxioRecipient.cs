namespace FaxSdk.Phaxio.Dto;

/// <summary>A v2.1 recipient of a sent fax.</summary>
internal sealed class PhaxioRecipient
{
    public string? PhoneNumber { get; set; }

    public string? Status { get; set; }

    public int? RetryCount { get; set; }

    public DateTimeOffset? CompletedAt { get; set; }

    public int? Bitrate { get; set; }

    public int? Resolution { get; set; }

    public string? ErrorType { get; set; }

    public int? ErrorId { get; set; }

    public string? ErrorMessage { get; set; }
}
