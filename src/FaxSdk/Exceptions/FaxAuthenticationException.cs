namespace FaxSdk;

/// <summary>The provider refused the credentials (HTTP 401) or the account's rights (HTTP 403).</summary>
public sealed class FaxAuthenticationException : FaxSdkException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="provider">The provider id.</param>
    /// <param name="message">What went wrong, naming the provider (never the credentials).</param>
    /// <param name="innerException">The underlying error, if any.</param>
    public FaxAuthenticationException(string provider, string message, Exception? innerException = null)
        : base(provider, message, innerException)
    {
    }

    /// <summary>Whether the credentials were accepted but lack the rights (HTTP 403) rather than refused (HTTP 401).</summary>
    public bool IsForbidden { get; init; }
}
