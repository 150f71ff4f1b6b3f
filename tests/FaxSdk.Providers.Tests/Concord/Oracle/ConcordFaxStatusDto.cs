namespace FaxSdk.Providers.Tests.Concord.Oracle;

/// <summary>One <c>FaxStatus</c> item, or a <c>RealTimeFaxStatus</c>/<c>…Ex</c>/<c>…Ex2</c> item with its extra fields.</summary>
internal sealed class ConcordFaxStatusDto
{
    public string? FaxJobId { get; set; }

    public int? FaxJobStatusId { get; set; }

    public string? StatusDescription { get; set; }

    public ConcordErrorDto? Error { get; set; }

    // GetRealTimeFaxStatus and later.
    public int? RecipientState { get; set; }

    public int? RecipientCurrentPageCount { get; set; }

    public int? RecipientTotalPageCount { get; set; }

    // GetRealTimeFaxStatusEx and later: set once the fax was delivered.
    public string? FaxDeliveryDateTime { get; set; }

    public int? FaxDeliveryDuration { get; set; }

    public string? RemoteFaxCSID { get; set; }

    // GetRealTimeFaxStatusEx2.
    public string? ReferenceId { get; set; }

    /// <summary>Whether the item carries the real-time fields (any of them).</summary>
    public bool IsRealTime => RecipientState is not null || RecipientCurrentPageCount is not null || RecipientTotalPageCount is not null
        || FaxDeliveryDateTime is not null || FaxDeliveryDuration is not null || RemoteFaxCSID is not null;
}
