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

        return InZone(DateTime.SpecifyKind(clock, DateTimeKind.Unspecified), zone);
    }

    /// <summary>A clock time in a zone (UTC when <see langword="null"/>), or <see langword="null"/> when out of range.</summary>
    private static DateTimeOffset? InZone(DateTime clock, TimeZoneInfo? zone)
    {
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

    /// <summary>
    /// Reads a timestamp from UTF-8 text with exactly the rule of <see cref="Parse(string?, TimeZoneInfo?)"/>, without
    /// allocating for the common ISO 8601 shapes (<c>2024-03-01T10:00:00Z</c>, <c>2024-03-01T10:00:00.123+01:00</c>,
    /// <c>2024-03-01 10:00:00</c> in <paramref name="zone"/>). Any other text is decoded and given to the string overload.
    /// </summary>
    /// <param name="utf8Text">The provider's text, as UTF-8 (unescaped).</param>
    /// <param name="zone">The zone of times written without an offset; UTC when <see langword="null"/>.</param>
    /// <returns>The time, or <see langword="null"/> when it is blank, unreadable, out of range or not valid UTF-8.</returns>
    public static DateTimeOffset? Parse(ReadOnlySpan<byte> utf8Text, TimeZoneInfo? zone = null)
    {
        if (utf8Text.Length > 64 * 3)
        {
            return null;
        }

        if (TryParseIso(utf8Text, zone, out var fast))
        {
            return fast;
        }

        string text;
        try
        {
            text = StrictUtf8.GetString(utf8Text);
        }
        catch (System.Text.DecoderFallbackException)
        {
            return null;
        }

        return Parse(text, zone);
    }

    private static readonly System.Text.UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>
    /// The allocation-free path: <c>yyyy-MM-dd(T| )HH:mm:ss[.f{1,7}][Z|z|±HH:mm]</c>, all fields in range. Returns
    /// <see langword="false"/> for anything else (including values that are out of range), which the string rule decides.
    /// </summary>
    private static bool TryParseIso(ReadOnlySpan<byte> t, TimeZoneInfo? zone, out DateTimeOffset? value)
    {
        value = null;
        if (t.Length < 19 || t[4] != '-' || t[7] != '-' || t[10] is not ((byte)'T' or (byte)' ') || t[13] != ':' || t[16] != ':')
        {
            return false;
        }

        if (!Digits(t, 0, 4, out var year) || !Digits(t, 5, 2, out var month) || !Digits(t, 8, 2, out var day) ||
            !Digits(t, 11, 2, out var hour) || !Digits(t, 14, 2, out var minute) || !Digits(t, 17, 2, out var second))
        {
            return false;
        }

        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        var i = 19;
        long fraction = 0;
        if (i < t.Length && t[i] == '.')
        {
            var digits = 0;
            i++;
            while (i < t.Length && (uint)(t[i] - '0') <= 9)
            {
                if (++digits > 7)
                {
                    return false;
                }

                fraction = (fraction * 10) + (t[i] - '0');
                i++;
            }

            if (digits == 0)
            {
                return false;
            }

            for (; digits < 7; digits++)
            {
                fraction *= 10;
            }
        }

        var clockTicks = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Unspecified).Ticks + fraction;
        if (i == t.Length)
        {
            // No offset: a clock time in the zone, by the same rule as the string path.
            value = zone is null || ReferenceEquals(zone, TimeZoneInfo.Utc)
                ? new DateTimeOffset(clockTicks, TimeSpan.Zero)
                : InZone(new DateTime(clockTicks, DateTimeKind.Unspecified), zone);
            return true;
        }

        if (t.Length == i + 1 && t[i] is (byte)'Z' or (byte)'z')
        {
            value = new DateTimeOffset(clockTicks, TimeSpan.Zero);
            return true;
        }

        if (t.Length != i + 6 || t[i] is not ((byte)'+' or (byte)'-') || t[i + 3] != ':' ||
            !Digits(t, i + 1, 2, out var offsetHours) || !Digits(t, i + 4, 2, out var offsetMinutes) || offsetMinutes > 59)
        {
            return false;
        }

        var offset = new TimeSpan(offsetHours, offsetMinutes, 0);
        if (offset > TimeSpan.FromHours(14))
        {
            return false;
        }

        if (t[i] == '-')
        {
            offset = -offset;
        }

        var utcTicks = clockTicks - offset.Ticks;
        if (utcTicks < DateTime.MinValue.Ticks || utcTicks > DateTime.MaxValue.Ticks)
        {
            return false; // out of range once the offset is applied: the string rule says null
        }

        value = new DateTimeOffset(clockTicks, offset);
        return true;
    }

    private static bool Digits(ReadOnlySpan<byte> text, int start, int count, out int value)
    {
        value = 0;
        for (var i = start; i < start + count; i++)
        {
            var digit = (uint)(text[i] - '0');
            if (digit > 9)
            {
                return false;
            }

            value = (value * 10) + (int)digit;
        }

        return true;
    }

    [GeneratedRegex(@"\d{2}:\d{2}(?::\d{2})?(?:[.,]\d+)?\s*(?:[zZ]|[+-]\d{2}(?::?\d{2})?)\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex ExplicitOffset();
}
