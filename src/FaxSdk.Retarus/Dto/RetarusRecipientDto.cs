namespace FaxSdk.Retarus.Dto;

/// <summary>A recipient's result in a report.</summary>
internal sealed class RetarusRecipientDto
{
    public string? Number { get; set; }

    public string? Status { get; set; }

    public string? Reason { get; set; }

    public DateTimeOffset? SentTs { get; set; }

    public int? DurationInSecs { get; set; }

    public string? SentToNumber { get; set; }

    public string? RemoteCsid { get; set; }
}
