namespace FaxSdk.StoneFax;

/// <summary>
/// What <see cref="StoneFaxBodyReader"/> keeps of one fax object while it reads it. A member read twice keeps its last
/// value, as the serialiser did; <see langword="null"/> and absent are the same except where the rules tell them apart
/// (<c>submitTime</c> falls back to <c>date</c> only when it is absent or <see langword="null"/>).
/// </summary>
internal struct StoneFaxFaxFields
{
    public string? FaxId;
    public string? Status;
    public StoneFaxStatus Wire;
    public string? DetailedStatus;
    public string? FailureReason;
    public int? Pages;
    public int? Q931Code;
    public bool HasSubmitTime;
    public DateTimeOffset? SubmitTime;
    public DateTimeOffset? Date;
    public DateTimeOffset? StartTime;
    public DateTimeOffset? EndTime;

    /// <summary>Whether <c>recipient</c> is there and not <see langword="null"/> (an empty list counts).</summary>
    public bool HasRecipient;

    /// <summary>Where this fax's recipients start in the reader's recipient buffer, and how many there are.</summary>
    public int RecipientStart;
    public int RecipientCount;

    /// <summary>Whether the last <c>fax</c> member is an object (the body is wrapped).</summary>
    public bool HasFax;

    /// <summary>Whether the last <c>faxList</c> member is an array.</summary>
    public bool HasFaxList;
}
