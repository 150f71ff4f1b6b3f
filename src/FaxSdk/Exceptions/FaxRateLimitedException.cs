namespace FaxSdk;

/// <summary>The provider refused the request because of its rate limit (HTTP 429).</summary>
public sealed class FaxRateLimitedException : FaxSdkException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="provider">The provider id.</param>
    /// <param name="message">What went wrong, naming the provider.</param>
    /// <param name="innerException">The underlying error, if any.</param>
    public FaxRateLimitedException(string provider, string message, Exception? innerException = null)
        : base(provider, message, innerException)
    {
    }

    /// <summary>How long the provider asked to wait (from <c>Retry-After</c>), when it said.</summary>
    public TimeSpan? RetryAfter { get; init; }
}
