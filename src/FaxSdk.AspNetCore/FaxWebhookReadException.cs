namespace FaxSdk.AspNetCore;

/// <summary>
/// A webhook request that <see cref="FaxWebhookRequestReader"/> refused to read: too large (413), too slow (408), or
/// not a well-formed form (400). The message is the short reason, safe to log and to answer: it never holds request data.
/// </summary>
public sealed class FaxWebhookReadException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="statusCode">The HTTP status code to answer.</param>
    /// <param name="reason">A short reason without request data.</param>
    /// <param name="innerException">The cause, if any.</param>
    public FaxWebhookReadException(int statusCode, string reason, Exception? innerException = null)
        : base(reason, innerException)
    {
        StatusCode = statusCode;
    }

    /// <summary>The HTTP status code to answer: 400, 408 or 413.</summary>
    public int StatusCode { get; }
}
