namespace Faxolotl.Dto;

/// <summary>The <c>GET v1/jobs/{id}</c> response (the fields read; others are ignored).</summary>
internal sealed class FaxolotlJob
{
    public string? Job { get; set; }

    public string? State { get; set; }

    public int? Pages { get; set; }

    public bool? Sandbox { get; set; }

    public DateTimeOffset? Created { get; set; }

    public DateTimeOffset? Finished { get; set; }

    public string? Reason { get; set; }

    public string? Detail { get; set; }

    public List<FaxolotlRecipient>? Recipients { get; set; }
}
