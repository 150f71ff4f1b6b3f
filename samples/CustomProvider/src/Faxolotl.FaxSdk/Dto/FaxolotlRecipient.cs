namespace Faxolotl.Dto;

/// <summary>One recipient of a Faxolotl job.</summary>
internal sealed class FaxolotlRecipient
{
    public string? To { get; set; }

    public string? State { get; set; }

    public int? Tries { get; set; }

    public DateTimeOffset? Finished { get; set; }

    public string? Reason { get; set; }

    public string? Detail { get; set; }
}
