namespace FaxSdk;

/// <summary>
/// A job id that cannot name a job safely: empty or blank, a dot segment (<c>.</c> or <c>..</c>), longer than
/// <see cref="FaxJobIds.MaxLength"/>, or holding a control character or a lone surrogate. Raised before anything is sent.
/// </summary>
/// <remarks>
/// FaxSdk's exceptions form two families. Errors about what a provider answered (or failed to answer) derive from
/// <see cref="FaxSdkException"/>. Errors in what the caller asked for derive from <see cref="ArgumentException"/>, as
/// .NET callers expect; this is one of them, so existing <c>catch (ArgumentException)</c> blocks keep working.
/// </remarks>
public sealed class FaxInvalidJobIdException : ArgumentException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="jobId">The rejected id (kept as given; the message shows it with control characters escaped).</param>
    /// <param name="reason">Why it was rejected.</param>
    /// <param name="paramName">The parameter that held it.</param>
    public FaxInvalidJobIdException(string? jobId, string reason, string? paramName = null)
        : base($"The job id '{FaxText.Escape(jobId ?? "", 64)}' is not a valid job id: {reason}.", paramName)
    {
        JobId = jobId;
        Reason = reason;
    }

    /// <summary>The rejected id, as given.</summary>
    public string? JobId { get; }

    /// <summary>Why it was rejected, for example <c>it is a dot segment</c>.</summary>
    public string Reason { get; }
}
