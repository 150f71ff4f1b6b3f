namespace FaxSdk;

/// <summary>
/// One webhook request as a receiver sees it, independent of the web framework: read once, within the host's size
/// limit, before anything is authenticated or parsed.
/// </summary>
public sealed record FaxWebhookRequest
{
    /// <summary>
    /// The URL the provider called, as the provider knows it: the configured public base URL, plus the endpoint's
    /// path, plus the query string as received (never a URL rebuilt from proxy headers). Signatures cover this.
    /// </summary>
    public required Uri Url { get; init; }

    /// <summary>The HTTP method, such as <c>POST</c>.</summary>
    public string Method { get; init; } = "POST";

    /// <summary>The <c>Content-Type</c> header, if any.</summary>
    public string? ContentType { get; init; }

    /// <summary>The request headers (names case-insensitive; repeated headers joined by <c>", "</c>).</summary>
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>The raw body.</summary>
    public ReadOnlyMemory<byte> Body { get; init; }

    /// <summary>The decoded form, when the receiver reads forms (<see cref="FaxWebhookReceiver.ReadsForm"/>) and the body is one; otherwise <see langword="null"/>.</summary>
    public FaxWebhookForm? Form { get; init; }

    /// <summary>A header's value.</summary>
    /// <param name="name">The header name.</param>
    /// <returns>The value, or <see langword="null"/> when absent.</returns>
    public string? GetHeader(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}
