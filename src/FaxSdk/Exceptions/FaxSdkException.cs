using System.Net;

namespace FaxSdk;

/// <summary>
/// The base of every error FaxSdk raises about a provider. Carries what support needs (provider, HTTP status,
/// provider error code, request id, a short redacted excerpt of the response) and never a credential.
/// </summary>
public class FaxSdkException : Exception
{
    /// <summary>Creates an exception.</summary>
    /// <param name="provider">The provider id.</param>
    /// <param name="message">What went wrong, naming the provider.</param>
    /// <param name="innerException">The underlying error, if any.</param>
    public FaxSdkException(string provider, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Provider = provider;
    }

    /// <summary>The provider id, such as <c>phaxio</c>.</summary>
    public string Provider { get; }

    /// <summary>The HTTP status of the response, when there was one.</summary>
    public HttpStatusCode? StatusCode { get; init; }

    /// <summary>The provider's own error code, when it gave one.</summary>
    public string? ProviderErrorCode { get; init; }

    /// <summary>The provider's or our request id, for support tickets.</summary>
    public string? RequestId { get; init; }

    /// <summary>The start of the response body (at most 256 characters, control characters replaced, secrets redacted).</summary>
    public string? ResponseExcerpt
    {
        get;
        init => field = value is null ? null : Transport.ResponseExcerpt.Sanitize(value);
    }
}
