namespace FaxSdk.Pantarey;

/// <summary>
/// What <see cref="PantareyOutputReader"/> keeps of a "Query fax status" task output. A member read twice keeps its
/// last value, as the serialiser did; the recipients themselves are in the reader's buffer.
/// </summary>
internal struct PantareyOutputFields
{
    public string? JobId;
    public string? Status;
    public PantareyJobStatus Wire;

    /// <summary><c>errorCode</c> as text, whatever its JSON type (see <see cref="PantareyOutputReader"/>).</summary>
    public string? ErrorCode;

    /// <summary>Whether <c>statistics</c> is an object (not absent or <see langword="null"/>), and its counts.</summary>
    public bool HasStatistics;
    public int? Pages;
    public int? RecipientCount;
    public int? RecipientCountSuccessful;
    public int? RecipientCountError;

    /// <summary>Whether <c>recipients</c> is an array (an empty one counts).</summary>
    public bool HasRecipients;

    /// <summary>The "Send fax" task's output holds the job under <c>faxJob</c> (any value, <see langword="null"/> included).</summary>
    public bool FaxJob;

    /// <summary>The "Query fax status" task's input is <c>{"jobId", "test"}</c> (any value, <see langword="null"/> included).</summary>
    public bool Test;
}
