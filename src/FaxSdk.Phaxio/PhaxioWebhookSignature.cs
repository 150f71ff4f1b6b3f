using System.Security.Cryptography;
using System.Text;

namespace FaxSdk.Phaxio;

/// <summary>
/// Phaxio's <c>X-Phaxio-Signature</c>, as documented ("Verifying callback requests"): HMAC-SHA1, keyed by the webhook
/// token, over the URL as submitted to Phaxio, then every form field sorted by name (name and value concatenated,
/// no delimiters), then every file part sorted by name (its name and the lowercase hex SHA1 of its content); the
/// header is the MAC as 40 hex characters.
/// </summary>
/// <remarks>
/// Names are sorted ordinally and the sort is stable, so repeated names keep the order received (Phaxio does not
/// document it). Text is UTF-8. The URL is used exactly as given: pass the URL Phaxio was configured to call (the
/// public base URL plus path plus query as received), never one rebuilt behind a proxy. The signature has no timestamp
/// or nonce: a captured request verifies forever, which deduplication and monotonic state make harmless.
/// </remarks>
public static class PhaxioWebhookSignature
{
    /// <summary>The header that carries the signature, <c>X-Phaxio-Signature</c>.</summary>
    public const string HeaderName = "X-Phaxio-Signature";

    /// <summary>The failure reason when the request has no signature header.</summary>
    public const string MissingSignature = "missing signature";

    /// <summary>The failure reason when the header is not 40 hex characters.</summary>
    public const string MalformedSignature = "malformed signature";

    /// <summary>The failure reason when the header matches no active token's signature.</summary>
    public const string SignatureMismatch = "signature mismatch";

    /// <summary>The failure reason when no token is configured.</summary>
    public const string NoToken = "no webhook token configured";

    /// <summary>The failure reason when the request body was not decoded as a form (Phaxio signs form fields).</summary>
    public const string NotAForm = "not a form body";

    private const int SignatureLength = 40;

    /// <summary>Computes the signature of a request.</summary>
    /// <param name="token">The webhook token (the HMAC key).</param>
    /// <param name="signedUrl">The URL as submitted to Phaxio, including any trailing slash and query.</param>
    /// <param name="form">The decoded form: every text field and every file part, as received.</param>
    /// <returns>The signature as 40 lowercase hex characters.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static string Compute(string token, string signedUrl, FaxWebhookForm form)
    {
        ArgumentNullException.ThrowIfNull(form);
        return Compute(token, signedUrl, form.Fields, form.Files);
    }

    /// <summary>Computes the signature of a request from its fields and file parts.</summary>
    /// <param name="token">The webhook token (the HMAC key).</param>
    /// <param name="signedUrl">The URL as submitted to Phaxio, including any trailing slash and query.</param>
    /// <param name="fields">Every text field, with its raw value.</param>
    /// <param name="files">Every file part.</param>
    /// <returns>The signature as 40 lowercase hex characters.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static string Compute(string token, string signedUrl, IEnumerable<KeyValuePair<string, string>> fields, IEnumerable<FaxWebhookFile> files)
    {
        ArgumentNullException.ThrowIfNull(token);
        ArgumentNullException.ThrowIfNull(signedUrl);
        ArgumentNullException.ThrowIfNull(fields);
        ArgumentNullException.ThrowIfNull(files);
        var (sortedFields, sortedFiles) = Sorted(fields, files);
        return Convert.ToHexStringLower(Mac(token, signedUrl, sortedFields, sortedFiles));
    }

    /// <summary>
    /// Checks a signature header against the signature of each active token, in constant time (every token is
    /// checked, whichever matches).
    /// </summary>
    /// <param name="signature">The <c>X-Phaxio-Signature</c> header, or <see langword="null"/> when absent. Hex in either case.</param>
    /// <param name="signedUrl">The URL as submitted to Phaxio.</param>
    /// <param name="form">The decoded form, or <see langword="null"/> when the body was not one.</param>
    /// <param name="tokens">The active tokens (the current one, and the previous one during a rotation); <see langword="null"/> or empty ones are skipped.</param>
    /// <returns>Success, or a failure whose reason is one of this class's constants (never a computed value).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="signedUrl"/> or <paramref name="tokens"/> is <see langword="null"/>.</exception>
    public static FaxWebhookAuthentication Verify(string? signature, string signedUrl, FaxWebhookForm? form, IEnumerable<string?> tokens)
    {
        ArgumentNullException.ThrowIfNull(signedUrl);
        ArgumentNullException.ThrowIfNull(tokens);
        var active = tokens.Where(t => !string.IsNullOrEmpty(t)).Select(t => t!).ToList();
        if (active.Count == 0)
        {
            return FaxWebhookAuthentication.Fail(NoToken);
        }

        if (string.IsNullOrWhiteSpace(signature))
        {
            return FaxWebhookAuthentication.Fail(MissingSignature);
        }

        Span<byte> received = stackalloc byte[SignatureLength];
        if (!TryReadHex(signature.AsSpan().Trim(), received))
        {
            return FaxWebhookAuthentication.Fail(MalformedSignature);
        }

        if (form is null)
        {
            return FaxWebhookAuthentication.Fail(NotAForm);
        }

        // Sorted and the files hashed once, whatever the number of active tokens (a rotation checks two): each token
        // then costs only its HMAC over the same text.
        var (fields, files) = Sorted(form.Fields, form.Files);
        Span<byte> expected = stackalloc byte[SignatureLength];
        Span<char> hex = stackalloc char[SignatureLength];
        var matched = false;
        foreach (var token in active)
        {
            Convert.TryToHexStringLower(Mac(token, signedUrl, fields, files), hex, out _);
            for (var i = 0; i < hex.Length; i++)
            {
                expected[i] = (byte)hex[i];
            }

            matched |= CryptographicOperations.FixedTimeEquals(expected, received);
        }

        CryptographicOperations.ZeroMemory(expected);
        return matched ? FaxWebhookAuthentication.Success : FaxWebhookAuthentication.Fail(SignatureMismatch);
    }

    /// <summary>Copies the header as lowercase ASCII hex; <see langword="false"/> unless it is exactly 40 hex characters.</summary>
    private static bool TryReadHex(ReadOnlySpan<char> header, Span<byte> lowercase)
    {
        if (header.Length != SignatureLength)
        {
            return false;
        }

        for (var i = 0; i < header.Length; i++)
        {
            var c = header[i];
            if (!char.IsAsciiHexDigit(c))
            {
                return false;
            }

            lowercase[i] = (byte)char.ToLowerInvariant(c);
        }

        return true;
    }

    /// <summary>What the signature covers besides the URL: the fields sorted by name, and each file's name and SHA-1 (lowercase hex) sorted by name.</summary>
    private static (KeyValuePair<string, string>[] Fields, (string Name, string Digest)[] Files) Sorted(IEnumerable<KeyValuePair<string, string>> fields, IEnumerable<FaxWebhookFile> files) =>
        ([.. fields.OrderBy(f => f.Key, StringComparer.Ordinal)],
         [.. files.OrderBy(f => f.Name, StringComparer.Ordinal).Select(f => (f.Name, Convert.ToHexStringLower(SHA1.HashData(f.Content.Span))))]);

    /// <summary>The HMAC-SHA1 of the URL, the fields (sorted by name) and each file's name and SHA-1 (sorted by name).</summary>
    private static byte[] Mac(string token, string signedUrl, KeyValuePair<string, string>[] sortedFields, (string Name, string Digest)[] sortedFiles)
    {
        var key = Encoding.UTF8.GetBytes(token);
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA1, key);
        CryptographicOperations.ZeroMemory(key);
        var text = new Utf8Appender(hmac);
        text.Append(signedUrl);
        foreach (var field in sortedFields)
        {
            text.Append(field.Key);
            text.Append(field.Value);
        }

        foreach (var file in sortedFiles)
        {
            text.Append(file.Name);
            text.Append(file.Digest);
        }

        text.Flush();
        return hmac.GetHashAndReset();
    }

    /// <summary>
    /// Feeds text to the MAC as UTF-8, piece by piece, exactly as the UTF-8 of the whole concatenated string would be
    /// (a surrogate pair split across two pieces is encoded once, as a pair).
    /// </summary>
    private sealed class Utf8Appender(IncrementalHash hash)
    {
        private readonly Encoder _encoder = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetEncoder();
        private readonly byte[] _buffer = new byte[4096];

        public void Append(ReadOnlySpan<char> chars)
        {
            while (!chars.IsEmpty)
            {
                _encoder.Convert(chars, _buffer, flush: false, out var used, out var bytes, out _);
                hash.AppendData(_buffer.AsSpan(0, bytes));
                chars = chars[used..];
            }
        }

        public void Flush()
        {
            bool completed;
            do
            {
                _encoder.Convert([], _buffer, flush: true, out _, out var bytes, out completed);
                hash.AppendData(_buffer.AsSpan(0, bytes));
            }
            while (!completed);
        }
    }
}
