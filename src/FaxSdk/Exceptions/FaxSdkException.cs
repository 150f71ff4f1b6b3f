using System.Net;
using FaxSdk.Transport;

namespace FaxSdk;

/// <summary>
/// The base of every error FaxSdk raises about a provider. Carries what support needs (provider, HTTP status,
/// provider error code, request id, a short redacted excerpt of the response) and never a credential.
/// </summary>
/// <remarks>
/// Provider text is bounded and cleaned: <see cref="Message"/> is at most <see cref="MaxMessageLength"/> characters
/// with control characters escaped; <see cref="ResponseExcerpt"/> at most 256. When the exception comes from a
/// configured provider instance, the instance's own secret values (<see cref="Transport.FaxProviderOptions.GetSecretValues"/>)
/// are replaced by <c>***</c> wherever the server echoed them: in the message, the excerpt, the request id and the
/// provider error code. Errors about what the caller asked for (such as <see cref="FaxInvalidJobIdException"/>) are
/// <see cref="ArgumentException"/>s instead.
/// </remarks>
public class FaxSdkException : Exception
{
    /// <summary>The longest <see cref="Message"/>: 1024 characters (longer provider text is cut and ends with <c>…</c>).</summary>
    public const int MaxMessageLength = 1024;

    private string[] _secrets = [];
    private string? _message;
    private string? _requestId;
    private string? _providerErrorCode;
    private string? _responseExcerpt;
    private string? _rawRequestId;
    private string? _rawProviderErrorCode;

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

    /// <inheritdoc />
    /// <remarks>At most <see cref="MaxMessageLength"/> characters, control characters escaped, configured secrets redacted.</remarks>
    public override string Message => _message ??= FaxText.Escape(Redact(base.Message)!, MaxMessageLength);

    /// <summary>The HTTP status of the response, when there was one.</summary>
    public HttpStatusCode? StatusCode { get; init; }

    /// <summary>The provider's own error code, when it gave one.</summary>
    public string? ProviderErrorCode
    {
        get => _providerErrorCode;
        init
        {
            _rawProviderErrorCode = value;
            _providerErrorCode = Bounded(value);
        }
    }

    /// <summary>The provider's or our request id, for support tickets (at most 128 characters, secrets redacted).</summary>
    public string? RequestId
    {
        get => _requestId;
        init
        {
            _rawRequestId = value;
            _requestId = Bounded(value);
        }
    }

    /// <summary>The start of the response body (at most 256 characters, control characters replaced, secrets redacted).</summary>
    public string? ResponseExcerpt
    {
        get => _responseExcerpt;
        init => _responseExcerpt = value is null ? null : Redact(Transport.ResponseExcerpt.Sanitize(value));
    }

    /// <summary>Replaces <paramref name="secrets"/> wherever this exception shows provider text (message, excerpt, request id, error code).</summary>
    /// <param name="secrets">The secret values; blank ones and ones shorter than 3 characters are ignored.</param>
    internal void RedactSecrets(IEnumerable<string?> secrets)
    {
        var add = FaxSecrets.Normalize(secrets);
        if (add.Length == 0)
        {
            return;
        }

        _secrets = [.. _secrets.Concat(add).Distinct(StringComparer.Ordinal).OrderByDescending(s => s.Length)];
        _message = null;
        _requestId = Bounded(_rawRequestId);
        _providerErrorCode = Bounded(_rawProviderErrorCode);
        _responseExcerpt = Redact(_responseExcerpt);
    }

    private string? Redact(string? text) => FaxSecrets.Redact(text, _secrets);

    private string? Bounded(string? text) => text is null ? null : FaxText.Escape(Redact(text)!, 128);
}
