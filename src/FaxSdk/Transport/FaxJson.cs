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

        T? value;
        try
        {
            value = JsonSerializer.Deserialize(content, typeInfo);
        }
        catch (JsonException exception)
        {
            var where = exception.BytePositionInLine is { } position ? $" at line {exception.LineNumber + 1}, byte {position + 1}" : "";
            var what = exception.Message.Contains("end of data", StringComparison.OrdinalIgnoreCase) || exception.Message.Contains("incomplete", StringComparison.OrdinalIgnoreCase)
                ? "is truncated JSON"
                : "is not valid JSON of the expected shape";
            throw new FaxProtocolException(provider, $"{provider}: the response {what}{where}.", exception)
            {
                ResponseExcerpt = ResponseExcerpt.FromBody(content),
            };
        }
        catch (Exception exception) when (exception is InvalidOperationException or ArgumentException or FormatException or OverflowException)
        {
            // Invalid UTF-8 or a lone surrogate in a string, or a value a converter could not represent.
            throw new FaxProtocolException(provider, $"{provider}: the response holds a value that cannot be read ({exception.GetType().Name}: {exception.Message}).", exception)
            {
                ResponseExcerpt = ResponseExcerpt.FromBody(content),
            };
        }

        return value ?? throw new FaxProtocolException(provider, $"{provider}: the response JSON is null.");
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
