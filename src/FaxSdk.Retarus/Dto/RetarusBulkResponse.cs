namespace FaxSdk.Retarus.Dto;

/// <summary>The answer to a bulk request: one item per job id.</summary>
internal sealed class RetarusBulkResponse
{
    public List<RetarusBulkItem>? Reports { get; set; }
}

/// <summary>One job's result in a bulk answer.</summary>
internal sealed class RetarusBulkItem
{
    public string? JobId { get; set; }

    public bool? Deleted { get; set; }

    public string? Reason { get; set; }
}
