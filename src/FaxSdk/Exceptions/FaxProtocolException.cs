namespace FaxSdk;

/// <summary>The provider's answer could not be read: empty, truncated or malformed JSON, an HTML error page, an unexpected shape, or a body over the size cap.</summary>
public sealed class FaxProtocolException : FaxSdkException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="provider">The provider id.</param>
    /// <param name="message">What went wrong, naming the provider.</param>
    /// <param name="innerException">The underlying error, if any.</param>
    public FaxProtocolException(string provider, string message, Exception? innerException = null)
        : base(provider, message, innerException)
    {
    }
}
