namespace FaxSdk.Concord;

/// <summary>
/// The fields of one Concord status item as they are read: a <c>FaxStatus</c> or <c>RealTimeFaxStatus…</c> item of an
/// answer, or a push notification. Members come in any order and a repeated member keeps its last value, so the
/// readers gather them here, on the stack, and build the status once the item ends
/// (<see cref="ConcordStatusParser.ToStatus(in ConcordStatusFields, FaxError?)"/>). Nothing here reaches the heap.
/// </summary>
internal struct ConcordStatusFields
{
    /// <summary><c>FaxJobId</c>; <see langword="null"/> or empty makes the item unreadable.</summary>
    public string? JobId;

    /// <summary><c>FaxJobStatusId</c>.</summary>
    public int? StatusId;

    /// <summary><c>StatusDescription</c>.</summary>
    public string? Description;

    /// <summary><c>Error/ErrorCode</c>, 0 without an <c>Error</c>.</summary>
    public int ErrorCode;

    /// <summary><c>Error/ErrorString</c>.</summary>
    public string? ErrorText;

    /// <summary><c>RecipientState</c> (real-time answers; undocumented values).</summary>
    public int? RecipientState;

    /// <summary><c>RecipientCurrentPageCount</c>.</summary>
    public int? CurrentPages;

    /// <summary><c>RecipientTotalPageCount</c>.</summary>
    public int? TotalPages;

    /// <summary>Whether <c>FaxDeliveryDateTime</c> is present (not <see langword="null"/>), even blank or unreadable.</summary>
    public bool HasDeliveryTime;

    /// <summary><c>FaxDeliveryDateTime</c> read as a time (<see cref="Transport.FaxTimestamps"/>).</summary>
    public DateTimeOffset? DeliveredAt;

    /// <summary><c>FaxDeliveryDuration</c> in seconds.</summary>
    public int? Duration;

    /// <summary>Whether <c>RemoteFaxCSID</c> is present (not <see langword="null"/>), even blank.</summary>
    public bool HasRemoteCsid;

    /// <summary><c>RemoteFaxCSID</c> trimmed, <see langword="null"/> when blank.</summary>
    public string? RemoteCsid;

    /// <summary>Whether the item carries any of the real-time fields.</summary>
    public readonly bool IsRealTime =>
        RecipientState is not null || CurrentPages is not null || TotalPages is not null || HasDeliveryTime || Duration is not null || HasRemoteCsid;

    /// <summary>Sets <c>RemoteFaxCSID</c> from its text (<see langword="null"/> when absent).</summary>
    /// <param name="text">The text as read.</param>
    public void SetRemoteCsid(string? text)
    {
        HasRemoteCsid = text is not null;
        RemoteCsid = string.IsNullOrWhiteSpace(text) ? null : text.Trim();
    }
}
