using System.Buffers;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace FaxSdk.AspNetCore;

/// <summary>
/// Reads a webhook request into a <see cref="FaxWebhookRequest"/> within limits: the body once, bounded in size and
/// time, into memory; and, when asked, a <c>application/x-www-form-urlencoded</c> or <c>multipart/form-data</c> body
/// into a <see cref="FaxWebhookForm"/> with a bounded number of fields. <c>MapFaxWebhooks</c> uses it; so can an
/// application's own endpoint, or a tool reading a stored push body.
/// </summary>
public static class FaxWebhookRequestReader
{
    /// <summary>The <c>application/x-www-form-urlencoded</c> media type.</summary>
    public const string UrlEncodedFormMediaType = "application/x-www-form-urlencoded";

    /// <summary>The <c>multipart/form-data</c> media type.</summary>
    public const string MultipartFormMediaType = "multipart/form-data";

    private const int MaxBoundaryLength = 70;
    private const int CopyBufferSize = 16 * 1024;
    private const int InitialBufferLimit = 64 * 1024;

    /// <summary>Reads a whole webhook request: the body (see <see cref="ReadBodyAsync"/>) and, when <paramref name="readForm"/>, its form (see <see cref="ReadFormAsync"/>).</summary>
    /// <param name="url">The URL the provider called (the public base URL, the endpoint's path and the query string as received).</param>
    /// <param name="contentType">The <c>Content-Type</c> header, if any.</param>
    /// <param name="body">The body stream; read once, up to <see cref="FaxWebhookReadLimits.MaxBodyBytes"/> + 1 bytes.</param>
    /// <param name="limits">The bounds.</param>
    /// <param name="readForm">Whether to decode a form body (<see cref="FaxWebhookReceiver.ReadsForm"/>).</param>
    /// <param name="headers">The request headers (names case-insensitive), if any.</param>
    /// <param name="contentLength">The declared <c>Content-Length</c>, if any: a larger one is refused before reading.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The request.</returns>
    /// <exception cref="FaxWebhookReadException">The body is too large (413), too slow (408), or a malformed or too large form (400, 413).</exception>
    public static async Task<FaxWebhookRequest> ReadAsync(
        Uri url,
        string? contentType,
        Stream body,
        FaxWebhookReadLimits limits,
        bool readForm,
        IReadOnlyDictionary<string, string>? headers = null,
        long? contentLength = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(url);
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(limits);
        var bytes = await ReadBodyAsync(body, limits, contentLength, cancellationToken).ConfigureAwait(false);
        var form = readForm ? await ReadFormAsync(contentType, bytes, limits, cancellationToken).ConfigureAwait(false) : null;
        return new FaxWebhookRequest
        {
            Url = url,
            ContentType = contentType,
            Headers = headers ?? new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase),
            Body = bytes,
            Form = form,
        };
    }

    /// <summary>Reads a body once into memory, refusing it (413) as soon as it is known to exceed the limit, and (408) when it takes longer than the limit.</summary>
    /// <param name="body">The body stream.</param>
    /// <param name="limits">The bounds (<see cref="FaxWebhookReadLimits.MaxBodyBytes"/>, <see cref="FaxWebhookReadLimits.BodyReadTimeout"/>).</param>
    /// <param name="contentLength">The declared length, if any: larger than the limit is refused without reading.</param>
    /// <param name="cancellationToken">Cancels the read (an <see cref="OperationCanceledException"/>, not a 408).</param>
    /// <returns>The body.</returns>
    /// <exception cref="FaxWebhookReadException">Too large (413) or too slow (408).</exception>
    public static async Task<ReadOnlyMemory<byte>> ReadBodyAsync(Stream body, FaxWebhookReadLimits limits, long? contentLength = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(limits);
        ArgumentOutOfRangeException.ThrowIfNegative(limits.MaxBodyBytes, nameof(limits.MaxBodyBytes));
        var max = limits.MaxBodyBytes;
        if (contentLength > max)
        {
            throw TooLarge(max);
        }

        using var timeout = limits.BodyReadTimeout is { } limit
            ? new CancellationTokenSource(limit, limits.TimeProvider ?? TimeProvider.System)
            : new CancellationTokenSource();
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        // A declared length is a hint, never an allocation: a client could declare the limit and send nothing.
        var writer = new ArrayBufferWriter<byte>((int)Math.Clamp(contentLength ?? 0, 4096, InitialBufferLimit));
        try
        {
            while (true)
            {
                // Never ask for more than one byte past the limit: a larger body is refused, not read.
                var wanted = (int)Math.Min(CopyBufferSize, max - writer.WrittenCount + 1);
                var read = await body.ReadAsync(writer.GetMemory(wanted)[..wanted], linked.Token).ConfigureAwait(false);
                if (read == 0)
                {
                    return writer.WrittenMemory;
                }

                writer.Advance(read);
                if (writer.WrittenCount > max)
                {
                    throw TooLarge(max);
                }
            }
        }
        catch (OperationCanceledException exception) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new FaxWebhookReadException(408, "the body was not received in time", exception);
        }
        catch (Microsoft.AspNetCore.Http.BadHttpRequestException exception) when (exception.StatusCode == 413)
        {
            // Kestrel's own body size limit (set to the same bound by MapFaxWebhooks).
            throw new FaxWebhookReadException(413, TooLarge(max).Message, exception);
        }
    }

    /// <summary>
    /// Decodes a form body: <c>application/x-www-form-urlencoded</c> (UTF-8) or <c>multipart/form-data</c>, in order,
    /// with at most <see cref="FaxWebhookReadLimits.MaxFormFields"/> fields and file parts.
    /// </summary>
    /// <param name="contentType">The <c>Content-Type</c> header.</param>
    /// <param name="body">The body, already read.</param>
    /// <param name="limits">The bounds.</param>
    /// <param name="cancellationToken">Cancels the decoding.</param>
    /// <returns>The form, or <see langword="null"/> when the content type is not a form.</returns>
    /// <exception cref="FaxWebhookReadException">Too many fields (413) or a malformed form (400).</exception>
    public static async Task<FaxWebhookForm?> ReadFormAsync(string? contentType, ReadOnlyMemory<byte> body, FaxWebhookReadLimits limits, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(limits);
        if (contentType is null || !MediaTypeHeaderValue.TryParse(contentType, out var mediaType))
        {
            return null;
        }

        if (mediaType.MediaType.Equals(UrlEncodedFormMediaType, StringComparison.OrdinalIgnoreCase))
        {
            return ReadUrlEncoded(body, limits);
        }

        if (mediaType.MediaType.Equals(MultipartFormMediaType, StringComparison.OrdinalIgnoreCase))
        {
            return await ReadMultipartAsync(mediaType, body, limits, cancellationToken).ConfigureAwait(false);
        }

        return null;
    }

    private static FaxWebhookForm ReadUrlEncoded(ReadOnlyMemory<byte> body, FaxWebhookReadLimits limits)
    {
        string text;
        try
        {
            text = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(body.Span);
        }
        catch (DecoderFallbackException exception)
        {
            throw new FaxWebhookReadException(400, "the form is not UTF-8", exception);
        }

        var fields = new List<KeyValuePair<string, string>>();
        using var reader = new FormReader(text)
        {
            ValueCountLimit = limits.MaxFormFields,
            KeyLengthLimit = FieldLengthLimit(limits),
            ValueLengthLimit = FieldLengthLimit(limits),
        };
        try
        {
            // Pair by pair, counting: the pair past the limit is refused before any more are decoded.
            while (reader.ReadNextPair() is { } pair)
            {
                if (fields.Count == limits.MaxFormFields)
                {
                    throw TooManyFields(limits);
                }

                fields.Add(pair);
            }
        }
        catch (InvalidDataException exception)
        {
            throw new FaxWebhookReadException(400, "malformed form body", exception);
        }

        return new FaxWebhookForm { Fields = fields };
    }

    private static async Task<FaxWebhookForm> ReadMultipartAsync(MediaTypeHeaderValue mediaType, ReadOnlyMemory<byte> body, FaxWebhookReadLimits limits, CancellationToken cancellationToken)
    {
        var boundary = HeaderUtilities.RemoveQuotes(mediaType.Boundary).Value;
        if (string.IsNullOrWhiteSpace(boundary) || boundary.Length > MaxBoundaryLength)
        {
            throw new FaxWebhookReadException(400, "multipart body without a valid boundary");
        }

        var fields = new List<KeyValuePair<string, string>>();
        var files = new List<FaxWebhookFile>();
        var strict = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
        using var stream = MemoryMarshal.TryGetArray(body, out var segment)
            ? new MemoryStream(segment.Array!, segment.Offset, segment.Count, writable: false)
            : new MemoryStream(body.ToArray(), writable: false);
        var reader = new MultipartReader(boundary, stream)
        {
            BodyLengthLimit = limits.MaxBodyBytes,
            HeadersCountLimit = 16,
            HeadersLengthLimit = 16 * 1024,
        };
        try
        {
            while (await reader.ReadNextSectionAsync(cancellationToken).ConfigureAwait(false) is { } section)
            {
                if (fields.Count + files.Count == limits.MaxFormFields)
                {
                    throw TooManyFields(limits);
                }

                if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)
                    || !disposition.DispositionType.Equals("form-data", StringComparison.OrdinalIgnoreCase)
                    || HeaderUtilities.RemoveQuotes(disposition.Name).Value is not { Length: > 0 } name)
                {
                    throw new FaxWebhookReadException(400, "a multipart section is not form-data with a name");
                }

                var content = await ReadSectionAsync(section.Body, cancellationToken).ConfigureAwait(false);
                if (disposition.IsFileDisposition())
                {
                    var fileName = HeaderUtilities.RemoveQuotes(disposition.FileNameStar).Value is { Length: > 0 } star
                        ? star
                        : HeaderUtilities.RemoveQuotes(disposition.FileName).Value;
                    files.Add(new FaxWebhookFile { Name = name, FileName = fileName, ContentType = section.ContentType, Content = content });
                }
                else
                {
                    fields.Add(new(name, strict.GetString(content.Span)));
                }
            }
        }
        catch (Exception exception) when (exception is InvalidDataException or IOException or DecoderFallbackException or FormatException)
        {
            throw new FaxWebhookReadException(400, "malformed multipart body", exception);
        }

        return new FaxWebhookForm { Fields = fields, Files = files };
    }

    private static async Task<ReadOnlyMemory<byte>> ReadSectionAsync(Stream section, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await section.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
        return buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
    }

    private static int FieldLengthLimit(FaxWebhookReadLimits limits) => (int)Math.Clamp(limits.MaxBodyBytes, 1, int.MaxValue);

    private static FaxWebhookReadException TooLarge(long max) => new(413, string.Create(CultureInfo.InvariantCulture, $"the body is larger than {max} bytes"));

    private static FaxWebhookReadException TooManyFields(FaxWebhookReadLimits limits) => new(413, string.Create(CultureInfo.InvariantCulture, $"the form has more than {limits.MaxFormFields} fields"));
}
