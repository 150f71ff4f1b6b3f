namespace FaxSdk.Retarus.Dto;

/// <summary>A fax report, or (when <see cref="Reports"/> is set) a list of them: the parser accepts both shapes.</summary>
internal sealed class RetarusReportDto
{
    public List<RetarusReportDto>? Reports { get; set; }

    public string? JobId { get; set; }

    public List<RetarusRecipientDto>? RecipientStatus { get; set; }

    public int? Pages { get; set; }

    public RetarusReferenceDto? Reference { get; set; }
}
