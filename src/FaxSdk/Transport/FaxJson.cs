using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace FaxSdk.Transport;

/// <summary>
/// Reads provider JSON with source-generated metadata and turns every way a body can be unreadable into a
/// <see cref="FaxProtocolException"/> that names the provider and the problem.
/// </summary>
/// <remarks>Provider contexts should set <c>MaxDepth = </c><see cref="RecommendedMaxDepth"/> in their
/// <c>[JsonSourceGenerationOptions]</c>; deeper documents are refused.</remarks>
public static class FaxJson
{
    /// <summary>The nesting depth provider DTO contexts should allow (fax status documents are shallow).</summary>
    public const int RecommendedMaxDepth = 32;

    /// <summary>Deserialises a body, or explains why it cannot be read.</summary>
    /// <typeparam name="T">The DTO type.</typeparam>
    /// <param name="body">The UTF-8 body.</param>
    /// <param name="typeInfo">Source-generated metadata for <typeparamref name="T"/>.</param>
    /// <param name="provider">The provider id, for messages.</param>
    /// <returns>The DTO.</returns>
    /// <exception cref="FaxProtocolException">The body is empty, an HTML/XML page, malformed or truncated JSON, JSON <c>null</c>,
    /// of the wrong shape, or holds text that is not valid UTF-8.</exception>
    public static T Deserialize<T>(ReadOnlySpan<byte> body, JsonTypeInfo<T> typeInfo, string provider)
    {
        ArgumentNullException.ThrowIfNull(typeInfo);
        var content = ContentOf(body, provider);
        T? value;
        try
        {
            value = JsonSerializer.Deserialize(content, typeInfo);
        }
        catch (Exception exception) when (IsReadFailure(exception))
        {
            throw ReadFailure(exception, content, provider);
        }

        return value ?? throw new FaxProtocolException(provider, $"{provider}: the response JSON is null.");
    }

    /// <summary>
    /// The reader options for provider bodies read directly with a <see cref="Utf8JsonReader"/>: depth capped at
    /// <see cref="RecommendedMaxDepth"/>, no comments, no trailing commas.
    /// </summary>
    public static JsonReaderOptions ReaderOptions { get; } = new()
    {
        MaxDepth = RecommendedMaxDepth,
        CommentHandling = JsonCommentHandling.Disallow,
        AllowTrailingCommas = false,
    };

    /// <summary>
    /// The part of a body a reader should read: without a UTF-8 byte order mark and leading whitespace. Refuses an empty
    /// body and an HTML or XML page (a proxy's or gateway's error page) with the same messages as
    /// <see cref="Deserialize{T}(ReadOnlySpan{byte}, JsonTypeInfo{T}, string)"/>.
    /// </summary>
    /// <param name="body">The UTF-8 body.</param>
    /// <param name="provider">The provider id, for messages.</param>
    /// <returns>The body from its first JSON byte.</returns>
    /// <exception cref="FaxProtocolException">The body is empty or whitespace, or starts with <c>&lt;</c>.</exception>
    public static ReadOnlySpan<byte> ContentOf(ReadOnlySpan<byte> body, string provider)
    {
        var content = TrimStart(body);
        if (content.IsEmpty)
        {
            throw new FaxProtocolException(provider, $"{provider}: the response body is empty.");
        }

        if (content[0] == (byte)'<')
        {
            var title = HtmlTitle(content);
            throw new FaxProtocolException(provider, $"{provider}: the response is an HTML or XML page instead of JSON{(title is null ? "" : $" (\"{title}\")")}.")
            {
                ResponseExcerpt = ResponseExcerpt.FromBody(content),
            };
        }

        return content;
    }

    /// <summary>
    /// Whether an exception raised while reading JSON means the body cannot be read (and should become
    /// <see cref="ReadFailure(Exception, ReadOnlySpan{byte}, string)"/>): a <see cref="JsonException"/> (malformed,
    /// truncated, too deep, wrong shape), or the <see cref="InvalidOperationException"/>, <see cref="ArgumentException"/>,
    /// <see cref="FormatException"/> or <see cref="OverflowException"/> that a <see cref="Utf8JsonReader"/> getter throws
    /// for invalid UTF-8, a lone surrogate, a token of another kind or a number out of range.
    /// </summary>
    /// <param name="exception">The exception.</param>
    /// <returns><see langword="true"/> for the exceptions above.</returns>
    public static bool IsReadFailure(Exception exception) =>
        exception is JsonException or InvalidOperationException or ArgumentException or FormatException or OverflowException;

    /// <summary>
    /// The <see cref="FaxProtocolException"/> for a body that could not be read, worded as
    /// <see cref="Deserialize{T}(ReadOnlySpan{byte}, JsonTypeInfo{T}, string)"/> words it: "is truncated JSON", "is not
    /// valid JSON of the expected shape" (with the line and byte when the reader knows them), or "holds a value that
    /// cannot be read". The excerpt is sanitised and bounded; the exception is kept as the inner exception.
    /// </summary>
    /// <param name="exception">What the reader or a getter threw (see <see cref="IsReadFailure(Exception)"/>).</param>
    /// <param name="content">The body, for the excerpt.</param>
    /// <param name="provider">The provider id, for messages.</param>
    /// <returns>The exception to throw.</returns>
    public static FaxProtocolException ReadFailure(Exception exception, ReadOnlySpan<byte> content, string provider)
    {
        ArgumentNullException.ThrowIfNull(exception);
        if (exception is JsonException json)
        {
            var where = json.BytePositionInLine is { } position ? $" at line {json.LineNumber + 1}, byte {position + 1}" : "";
            var what = json.Message.Contains("end of data", StringComparison.OrdinalIgnoreCase) || json.Message.Contains("incomplete", StringComparison.OrdinalIgnoreCase)
                ? "is truncated JSON"
                : "is not valid JSON of the expected shape";
            return new FaxProtocolException(provider, $"{provider}: the response {what}{where}.", json)
            {
                ResponseExcerpt = ResponseExcerpt.FromBody(content),
            };
        }

        // Invalid UTF-8 or a lone surrogate in a string, or a value a converter could not represent.
        return new FaxProtocolException(provider, $"{provider}: the response holds a value that cannot be read ({exception.GetType().Name}: {exception.Message}).", exception)
        {
            ResponseExcerpt = ResponseExcerpt.FromBody(content),
        };
    }

    /// <summary>
    /// Like <see cref="ReadFailure(Exception, ReadOnlySpan{byte}, string)"/>, and for JSON of the wrong shape (a
    /// <see cref="JsonException"/> that is not truncation) the message also says where (the exception's
    /// <see cref="JsonException.Path"/>, as given, cut to 128 characters) and what the parser expected:
    /// <c>"… (path); expected {expectedShape}."</c>.
    /// </summary>
    /// <param name="exception">What the reader, a getter or the parser threw (see <see cref="IsReadFailure(Exception)"/>).</param>
    /// <param name="content">The body, for the excerpt.</param>
    /// <param name="provider">The provider id, for messages.</param>
    /// <param name="expectedShape">The shape the parser reads, such as <c>a Phaxio API v2.1 response {…}</c>.</param>
    /// <returns>The exception to throw.</returns>
    public static FaxProtocolException ReadFailure(Exception exception, ReadOnlySpan<byte> content, string provider, string expectedShape)
    {
        var failure = ReadFailure(exception, content, provider);
        if (exception is not JsonException json || failure.Message.Contains("truncated", StringComparison.Ordinal))
        {
            return failure;
        }

        var path = json.Path is { Length: > 0 } p ? $" ({ResponseExcerpt.Sanitize(p.Length > 128 ? p[..128] + "…" : p)})" : "";
        return new FaxProtocolException(provider, $"{failure.Message.TrimEnd('.')}{path}; expected {expectedShape}.", json)
        {
            ResponseExcerpt = failure.ResponseExcerpt,
        };
    }

    /// <summary>
    /// Whether the property name the reader is on is <paramref name="utf8Name"/>, compared as System.Text.Json compares
    /// member names: ordinally (escapes decoded), or with <paramref name="ignoreCase"/> as
    /// <c>PropertyNameCaseInsensitive</c> does (<see cref="StringComparison.OrdinalIgnoreCase"/>). No allocation for ASCII
    /// names without escapes.
    /// </summary>
    /// <param name="reader">The reader, on a <see cref="JsonTokenType.PropertyName"/>.</param>
    /// <param name="utf8Name">The member name, ASCII, such as <c>"status"u8</c>.</param>
    /// <param name="ignoreCase">Compare without regard to case.</param>
    /// <returns><see langword="true"/> when the names are equal.</returns>
    public static bool PropertyNameIs(ref readonly Utf8JsonReader reader, ReadOnlySpan<byte> utf8Name, bool ignoreCase)
    {
        if (reader.ValueIsEscaped)
        {
            // The serialiser decodes every escaped name, whatever its length, and a body whose name holds a lone
            // surrogate (\ud800) is unreadable: GetString throws InvalidOperationException (a read failure) here too.
            var decoded = reader.GetString();
            return string.Equals(decoded, System.Text.Encoding.ASCII.GetString(utf8Name), ignoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);
        }

        if (!ignoreCase)
        {
            return reader.ValueTextEquals(utf8Name);
        }

        var raw = reader.ValueSpan;
        if (System.Text.Ascii.IsValid(raw))
        {
            return System.Text.Ascii.EqualsIgnoreCase(raw, utf8Name);
        }

        // Not valid UTF-8: the serialiser decodes such a name with replacement characters, so it names no member.
        if (!System.Text.Unicode.Utf8.IsValid(raw) || raw.Length > 3 * utf8Name.Length)
        {
            return false;
        }

        // Non-ASCII, such as a dotless i, which OrdinalIgnoreCase equates with I: compare as the serialiser does.
        return string.Equals(reader.GetString(), System.Text.Encoding.ASCII.GetString(utf8Name), StringComparison.OrdinalIgnoreCase);
    }

    private static ReadOnlySpan<byte> TrimStart(ReadOnlySpan<byte> body)
    {
        if (body.StartsWith("\uFEFF"u8))
        {
            body = body[3..];
        }

        var i = 0;
        while (i < body.Length && body[i] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
        {
            i++;
        }

        return body[i..];
    }

    private static string? HtmlTitle(ReadOnlySpan<byte> content)
    {
        var head = content.Length > 4096 ? content[..4096] : content;
        var text = System.Text.Encoding.UTF8.GetString(head);
        var start = text.IndexOf("<title>", StringComparison.OrdinalIgnoreCase);
        if (start < 0)
        {
            return null;
        }

        start += "<title>".Length;
        var end = text.IndexOf("</title>", start, StringComparison.OrdinalIgnoreCase);
        var title = (end < 0 ? text[start..] : text[start..end]).Trim();
        return title.Length == 0 ? null : ResponseExcerpt.Sanitize(title.Length > 80 ? title[..80] : title);
    }
}
