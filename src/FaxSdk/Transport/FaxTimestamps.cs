using System.Globalization;
using System.Text.RegularExpressions;

namespace FaxSdk.Transport;

/// <summary>Reads provider timestamps without ever throwing: a time that cannot be read or represented is <see langword="null"/>.</summary>
public static partial class FaxTimestamps
{
    /// <summary>
    /// Reads an ISO 8601 (or invariant-culture) timestamp. A text with an offset or <c>Z</c> keeps it; a text without one
    /// is a clock time in <paramref name="zone"/>. Out-of-range results (such as <c>0001-01-01T00:00:00+14:00</c>, or
    /// <c>9999-12-31T23:59:59</c> in a zone west of UTC) are <see langword="null"/>, never an exception.
    /// </summary>
    /// <param name="text">The provider's text.</param>
    /// <param name="zone">The zone of times written without an offset; UTC when <see langword="null"/>.</param>
    /// <returns>The time, or <see langword="null"/> when it is blank, unreadable or out of range.</returns>
    public static DateTimeOffset? Parse(string? text, TimeZoneInfo? zone = null)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > 64)
        {
            return null;
        }

        if (ExplicitOffset().IsMatch(text))
        {
            return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var withOffset) ? withOffset : null;
        }

        if (!DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var clock))
        {
            return null;
        }

        clock = DateTime.SpecifyKind(clock, DateTimeKind.Unspecified);
        try
        {
            var offset = (zone ?? TimeZoneInfo.Utc).GetUtcOffset(clock);
            var ticks = clock.Ticks - offset.Ticks;
            if (ticks < DateTime.MinValue.Ticks || ticks > DateTime.MaxValue.Ticks)
            {
                return null;
            }

            return new DateTimeOffset(clock, offset);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    [GeneratedRegex(@"\d{2}:\d{2}(?::\d{2})?(?:[.,]\d+)?\s*(?:[zZ]|[+-]\d{2}(?::?\d{2})?)\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex ExplicitOffset();
}
