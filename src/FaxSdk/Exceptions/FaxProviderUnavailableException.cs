namespace FaxSdk;

/// <summary>The provider could not be reached, timed out, or failed on its side (HTTP 408, 5xx, 520, network errors).</summary>
public sealed class FaxProviderUnavailableException : FaxSdkException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="provider">The provider id.</param>
    /// <param name="message">What went wrong, naming the provider.</param>
    /// <param name="innerException">The underlying error, if any.</param>
    public FaxProviderUnavailableException(string provider, string message, Exception? innerException = null)
        : base(provider, message, innerException)
    {
    }
}
