namespace FaxSdk.Retarus.Dto;

/// <summary>One job's result in a bulk answer.</summary>
internal sealed class RetarusBulkItem
{
    public string? JobId { get; set; }

    public bool? Deleted { get; set; }

    public string? Reason { get; set; }
}
