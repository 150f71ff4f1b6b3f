namespace FaxSdk.Retarus.Dto;

/// <summary>The answer to a bulk request: one item per job id.</summary>
internal sealed class RetarusBulkResponse
{
    public List<RetarusBulkItem?>? Reports { get; set; }
}
