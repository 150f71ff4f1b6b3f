namespace FaxSdk;

/// <summary>The provider does not know the job (HTTP 404 or the provider's own not-found answer).</summary>
public sealed class FaxJobNotFoundException : FaxSdkException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="provider">The provider id.</param>
    /// <param name="message">What went wrong, naming the provider.</param>
    /// <param name="innerException">The underlying error, if any.</param>
    public FaxJobNotFoundException(string provider, string message, Exception? innerException = null)
        : base(provider, message, innerException)
    {
    }

    /// <summary>The job id that was asked for.</summary>
    public string? JobId { get; init; }
}
