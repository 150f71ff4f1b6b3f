using System.Globalization;
using System.Text;

namespace FaxSdk.Cli.Output;

/// <summary>Provider text made safe for a terminal: control characters (ANSI escapes included) and lone surrogates are printed escaped, never raw.</summary>
internal static class TerminalText
{
    /// <summary>Escapes control characters as <c>\uXXXX</c> (<c>\n</c>, <c>\r</c>, <c>\t</c> as such).</summary>
    /// <param name="text">The text.</param>
    /// <returns>The text with every control character visible.</returns>
    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text) || !text.Any(c => char.IsControl(c) || char.IsSurrogate(c)))
        {
            return text ?? "";
        }

        var builder = new StringBuilder(text.Length + 16);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                builder.Append(c).Append(text[++i]);
            }
            else if (c == '\n') builder.Append("\\n");
            else if (c == '\r') builder.Append("\\r");
            else if (c == '\t') builder.Append("\\t");
            else if (char.IsControl(c) || char.IsSurrogate(c)) builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
            else builder.Append(c);
        }

        return builder.ToString();
    }
}
