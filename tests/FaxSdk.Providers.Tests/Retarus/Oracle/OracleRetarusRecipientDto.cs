namespace FaxSdk.Providers.Tests.Retarus.Oracle;

/// <summary>A recipient's result in a report.</summary>
internal sealed class OracleRetarusRecipientDto
{
    public string? Number { get; set; }

    /// <summary>The per-recipient id (<c>FN…</c>) of the status push; the REST report has none.</summary>
    public string? NumId { get; set; }

    public string? Status { get; set; }

    public string? Reason { get; set; }

    public DateTimeOffset? SentTs { get; set; }

    public int? DurationInSecs { get; set; }

    public string? SentToNumber { get; set; }

    public string? RemoteCsid { get; set; }
}
