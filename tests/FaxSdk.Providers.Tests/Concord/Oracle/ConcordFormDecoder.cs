using System.Text;

namespace FaxSdk.Providers.Tests.Concord.Oracle;

/// <summary>
/// Decodes an <c>application/x-www-form-urlencoded</c> body (UTF-8; <c>+</c> is a space; invalid escapes are kept as
/// written), bounded: at most <see cref="ConcordOraclePushParser.MaxFormFields"/> fields.
/// </summary>
internal static class ConcordFormDecoder
{
    public static FaxWebhookForm Decode(ReadOnlySpan<byte> body)
    {
        var text = Encoding.UTF8.GetString(body);
        var fields = new List<KeyValuePair<string, string>>();
        for (var start = 0; start <= text.Length;)
        {
            var end = text.IndexOf('&', start);
            end = end < 0 ? text.Length : end;
            var pair = text[start..end];
            start = end + 1;
            if (pair.Length == 0)
            {
                continue;
            }

            if (fields.Count == ConcordOraclePushParser.MaxFormFields)
            {
                throw new FaxProtocolException(ConcordOracleStatusParser.ProviderId, $"{ConcordOracleStatusParser.ProviderId}: the form holds more than {ConcordOraclePushParser.MaxFormFields} fields; a notification has 11.");
            }

            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var name = equals < 0 ? pair : pair[..equals];
            var value = equals < 0 ? string.Empty : pair[(equals + 1)..];
            fields.Add(new(Unescape(name), Unescape(value)));
        }

        return new FaxWebhookForm { Fields = fields };
    }

    /// <summary>The value of a query parameter of <paramref name="url"/>, or <see langword="null"/> when absent.</summary>
    public static string? QueryParameter(Uri url, string name)
    {
        var query = url.IsAbsoluteUri ? url.Query : string.Empty;
        if (query.Length <= 1)
        {
            return null;
        }

        foreach (var pair in query[1..].Split('&'))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0 && string.Equals(Unescape(pair[..equals]), name, StringComparison.Ordinal))
            {
                return Unescape(pair[(equals + 1)..]);
            }
        }

        return null;
    }

    private static string Unescape(string text) => Uri.UnescapeDataString(text.Replace('+', ' '));
}
