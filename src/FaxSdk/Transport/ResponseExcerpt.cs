using System.Text;
using System.Text.RegularExpressions;

namespace FaxSdk.Transport;

/// <summary>Makes a short, safe excerpt of a response body for exceptions and logs.</summary>
internal static partial class ResponseExcerpt
{
    public const int MaxLength = 256;

    /// <summary>Decodes at most <see cref="MaxLength"/> characters of UTF-8 and sanitises them.</summary>
    public static string? FromBody(ReadOnlySpan<byte> body)
    {
        if (body.IsEmpty)
        {
            return null;
        }

        var slice = body.Length > MaxLength * 4 ? body[..(MaxLength * 4)] : body;
        return Sanitize(Encoding.UTF8.GetString(slice));
    }

    /// <summary>Truncates, replaces control characters, and removes anything that looks like a credential.</summary>
    public static string Sanitize(string text)
    {
        var redacted = SecretPattern().Replace(text, match => match.Groups["key"].Value + "[redacted]");
        var builder = new StringBuilder(Math.Min(redacted.Length, MaxLength + 1));
        foreach (var c in redacted)
        {
            if (builder.Length == MaxLength)
            {
                builder.Append('…');
                break;
            }

            builder.Append(char.IsControl(c) ? ' ' : c);
        }

        return builder.ToString();
    }

    // Authorization headers, Basic/Bearer tokens, and password/PIN/secret/token fields in JSON, XML or form bodies.
    [GeneratedRegex(
        """(?<key>(?:authorization\s*[:=]\s*(?:(?:basic|bearer|digest)\s+)?)|(?:\b(?:basic|bearer)\s+)|(?:["']?(?:strpin|pin|password|passwd|secret|api_?secret|api_?key|access_?token|client_?secret|token)["']?\s*(?:[:=]|>)\s*["']?))[^\s"'<>&,;}]+""",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SecretPattern();
}
