using System.Globalization;
using System.Text;

namespace FaxSdk;

/// <summary>Makes provider text safe to show: bounded, and with control characters escaped.</summary>
internal static class FaxText
{
    /// <summary>Escapes control characters and lone surrogates as <c>\uXXXX</c> (<c>\n</c>, <c>\r</c>, <c>\t</c> as such) and bounds the length.</summary>
    /// <param name="text">The text.</param>
    /// <param name="maxLength">The most characters kept before <c>…</c>.</param>
    /// <returns>The escaped text.</returns>
    public static string Escape(string text, int maxLength = int.MaxValue)
    {
        var clean = true;
        foreach (var c in text)
        {
            if (char.IsControl(c) || char.IsSurrogate(c))
            {
                clean = false;
                break;
            }
        }

        if (clean && text.Length <= maxLength)
        {
            return text;
        }

        var builder = new StringBuilder(Math.Min(text.Length, maxLength) + 8);
        for (var i = 0; i < text.Length; i++)
        {
            if (builder.Length >= maxLength)
            {
                builder.Append('…');
                break;
            }

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
