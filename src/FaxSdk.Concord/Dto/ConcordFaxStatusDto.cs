namespace FaxSdk.Concord.Dto;

/// <summary>One <c>FaxStatus</c> item.</summary>
internal sealed class ConcordFaxStatusDto
{
    public string? FaxJobId { get; set; }

    public int? FaxJobStatusId { get; set; }

    public string? StatusDescription { get; set; }

    public ConcordErrorDto? Error { get; set; }
}
