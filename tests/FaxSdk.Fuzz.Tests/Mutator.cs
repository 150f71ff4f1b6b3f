using System.Text;
using System.Text.RegularExpressions;

namespace FaxSdk.Fuzz.Tests;

/// <summary>
/// A seeded mutator of provider bodies: byte-level (truncation, removal, flips, insertion, splicing) and
/// structure-aware (type swaps, nulls in arrays, huge numbers, deep nesting, long strings, many entries, invalid
/// UTF-8, duplicate keys, odd dates, XML entity and DTD attacks). The same seed always gives the same input.
/// </summary>
internal static partial class Mutator
{
    /// <summary>Dates that are hard to represent: the ends of the calendar, with offsets that push them out of range.</summary>
    public static readonly string[] OddDates =
    [
        "0001-01-01T00:00:00+14:00", "9999-12-31T23:59:59-14:00", "9999-12-31T23:59:59", "9999-12-31T23:59:59.9999999",
        "0001-01-01T00:00:00", "0000-00-00T00:00:00", "2024-02-30T10:00:00", "2024-01-01T24:00:00", "1970-01-01T00:00:00Z",
        "2024-03-31T02:30:00", "2024-01-01T10:00:00+99:00", "", " ", "yesterday", "10000-01-01T00:00:00",
    ];

    /// <summary>The mutations, by name (the name is printed with a failure).</summary>
    public static readonly (string Name, Func<Random, byte[], IReadOnlyList<byte[]>, byte[]> Apply)[] Mutations =
    [
        ("truncate", (r, b, _) => b[..r.Next(b.Length + 1)]),
        ("remove-range", (r, b, _) => RemoveRange(r, b)),
        ("flip-byte", (r, b, _) => FlipByte(r, b)),
        ("insert-bytes", (r, b, _) => Insert(r, b, RandomBytes(r))),
        ("splice", (r, b, seeds) => Splice(r, b, seeds[r.Next(seeds.Count)])),
        ("type-swap", (r, b, _) => Text(b, t => ReplaceOne(r, JsonValue(), t, _ => Pick(r, "null", "0", "-1", "true", "\"x\"", "[]", "{}", "[null]", "1.5", "\"\"")))),
        ("null-in-array", (r, b, _) => Text(b, t => ReplaceOne(r, ArrayStart(), t, m => m.Value + Pick(r, "null,", "null", "null,null,", "[],", "{},", "1,", "\"\",")))),
        ("huge-number", (r, b, _) => Text(b, t => ReplaceOne(r, NumberValue(), t, m => m.Groups[1].Value + Pick(r, "1e400", "-1e400", "99999999999999999999999", "-9223372036854775809", "2147483648", "-0", "1E+2", "0.0000000001", "NaN", "Infinity")))),
        ("deep-nesting", (r, b, _) => DeepNesting(r, b)),
        ("long-string", (r, b, _) => LongString(r, b)),
        ("many-entries", (r, b, _) => ManyEntries(r, b)),
        ("invalid-utf8", (r, b, _) => InvalidUtf8(r, b)),
        ("lone-surrogate-escape", (r, b, _) => Text(b, t => ReplaceOne(r, StringValue(), t, m => m.Groups[1].Value + Pick(r, "\"\\uD800\"", "\"a\\uDC00b\"", "\"\\u0000\"", "\"\\u001b[31m\"")))),
        ("duplicate-key", (r, b, _) => Text(b, t => ReplaceOne(r, KeyValue(), t, m => m.Value + "," + m.Value))),
        ("odd-date", (r, b, _) => Text(b, t => ReplaceOne(r, DateLike(), t, _ => Pick(r, OddDates)))),
        ("xml-attack", (r, b, _) => XmlAttack(r, b)),
        ("xml-deep", (r, b, _) => Text(b, t => ReplaceOne(r, XmlOpenTag(), t, m => m.Value + string.Concat(Enumerable.Repeat("<x>", 20_000)) + string.Concat(Enumerable.Repeat("</x>", 20_000))))),
        ("xml-many-items", (r, b, _) => Text(b, t => ReplaceOne(r, XmlItem(), t, m => Repeat(m.Value, r.Next(2) == 0 ? 12_000 : 200)))),
    ];

    /// <summary>The largest input produced: 4 MiB, the default response size cap.</summary>
    public const int MaxInputBytes = 4 * 1024 * 1024;

    /// <summary>Applies one to three mutations chosen by <paramref name="random"/>.</summary>
    /// <param name="random">The mutation's random source (seeded).</param>
    /// <param name="seed">The body to mutate.</param>
    /// <param name="seeds">All seed bodies (for splicing).</param>
    /// <param name="applied">The names of the mutations applied.</param>
    /// <returns>The mutated body.</returns>
    public static byte[] Mutate(Random random, byte[] seed, IReadOnlyList<byte[]> seeds, out string applied)
    {
        var body = seed;
        var names = new List<string>();
        for (int i = 0, count = 1 + random.Next(3); i < count; i++)
        {
            var (name, apply) = Mutations[random.Next(Mutations.Length)];
            var mutated = apply(random, body, seeds);
            if (mutated.Length > MaxInputBytes)
            {
                continue; // bigger than any provider answer FaxSdk reads (MaxResponseBytes is 4 MiB by default)
            }

            body = mutated;
            names.Add(name);
        }

        applied = string.Join('+', names);
        return body;
    }

    private static T Pick<T>(Random random, params T[] values) => values[random.Next(values.Length)];

    private static byte[] RemoveRange(Random random, byte[] body)
    {
        if (body.Length == 0)
        {
            return body;
        }

        var start = random.Next(body.Length);
        var length = random.Next(1, Math.Min(64, body.Length - start) + 1);
        return [.. body[..start], .. body[(start + length)..]];
    }

    private static byte[] FlipByte(Random random, byte[] body)
    {
        if (body.Length == 0)
        {
            return [(byte)random.Next(256)];
        }

        var copy = (byte[])body.Clone();
        copy[random.Next(copy.Length)] = random.Next(3) == 0 ? Pick(random, (byte)'"', (byte)'{', (byte)'}', (byte)'[', (byte)']', (byte)',', (byte)':', (byte)'<', (byte)'>', (byte)'&') : (byte)random.Next(256);
        return copy;
    }

    private static byte[] RandomBytes(Random random)
    {
        var bytes = new byte[random.Next(1, 16)];
        random.NextBytes(bytes);
        return bytes;
    }

    private static byte[] Insert(Random random, byte[] body, byte[] insert)
    {
        var at = random.Next(body.Length + 1);
        return [.. body[..at], .. insert, .. body[at..]];
    }

    private static byte[] Splice(Random random, byte[] body, byte[] other) =>
        [.. body[..random.Next(body.Length + 1)], .. other[random.Next(other.Length + 1)..]];

    private static byte[] InvalidUtf8(Random random, byte[] body)
    {
        byte[][] sequences = [[0xC3, 0x28], [0xED, 0xA0, 0x80], [0xFF], [0xF4, 0x90, 0x80, 0x80], [0xC0, 0xAF], [0xE2, 0x82]];
        var text = Encoding.UTF8.GetString(body);
        var match = StringValue().Matches(text) is { Count: > 0 } matches ? matches[random.Next(matches.Count)] : null;
        if (match is null)
        {
            return Insert(random, body, Pick(random, sequences));
        }

        // Inside a string value, where a parser has to decode it.
        var at = Math.Min(body.Length, Encoding.UTF8.GetByteCount(text.AsSpan(0, match.Index + match.Length - 1)));
        return [.. body[..at], .. Pick(random, sequences), .. body[at..]];
    }

    private static byte[] DeepNesting(Random random, byte[] body)
    {
        var depth = Pick(random, 40, 1_000, 100_000);
        var nest = Pick(random, "[", "{\"a\":");
        var close = nest == "[" ? "]" : "}";
        return Text(body, t => ReplaceOne(random, JsonValue(), t, m => m.Groups[1].Value + string.Concat(Enumerable.Repeat(nest, depth)) + "1" + string.Concat(Enumerable.Repeat(close, depth))));
    }

    private static byte[] LongString(Random random, byte[] body)
    {
        var length = random.Next(2) == 0 ? 70_000 : 1_000_000;
        var value = Pick(random, "a", "\u00e9", "\\\\", "\\u0041");
        var text = string.Concat(Enumerable.Repeat(value, length / value.Length));
        return Text(body, t => ReplaceOne(random, StringValue(), t, m => m.Groups[1].Value + "\"" + text + "\""));
    }

    /// <summary>Repeats <paramref name="value"/> up to <paramref name="count"/> times, never past <see cref="MaxInputBytes"/> characters.</summary>
    private static string Repeat(string value, int count) =>
        string.Concat(Enumerable.Repeat(value, Math.Max(1, Math.Min(count, MaxInputBytes / Math.Max(1, value.Length)))));

    private static byte[] ManyEntries(Random random, byte[] body)
    {
        var count = Pick(random, 1_000, 12_000, 400_000);
        var entry = Pick(random, "{}", "null", "{\"a\":1}", "[]");
        return Text(body, t => ReplaceOne(random, ArrayStart(), t, m => m.Value + string.Join(',', Enumerable.Repeat(entry, count)) + (t.Length > m.Index + 1 && t[m.Index + 1] != ']' ? "," : "")));
    }

    private static byte[] XmlAttack(Random random, byte[] body)
    {
        var text = Encoding.UTF8.GetString(body);
        var start = text.IndexOf('<', StringComparison.Ordinal) is >= 0 and var s && text.AsSpan(s).StartsWith("<?xml") ? text.IndexOf("?>", s, StringComparison.Ordinal) + 2 : 0;
        var doctype = Pick(random,
            """<!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>""",
            """<!DOCTYPE r [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>""",
            """<!DOCTYPE r SYSTEM "http://127.0.0.1:9/evil.dtd">""",
            """<!DOCTYPE r [<!ENTITY % p SYSTEM "http://127.0.0.1:9/p"> %p;]>""");
        var withDoctype = start > 0 ? text[..start] + doctype + text[start..] : doctype + text;
        var entity = Pick(random, "&x;", "&c;", "&undefined;", "&#0;", "&#xD800;", "&#x1b;");
        var withEntity = StringValue().IsMatch(withDoctype) || !XmlText().IsMatch(withDoctype)
            ? withDoctype
            : XmlText().Replace(withDoctype, m => ">" + entity + "<", 1);
        return Encoding.UTF8.GetBytes(withEntity);
    }

    private static byte[] Text(byte[] body, Func<string, string> change) => Encoding.UTF8.GetBytes(change(Encoding.UTF8.GetString(body)));

    private static string ReplaceOne(Random random, Regex pattern, string text, Func<Match, string> replacement)
    {
        var matches = pattern.Matches(text);
        if (matches.Count == 0)
        {
            return text;
        }

        var match = matches[random.Next(matches.Count)];
        return string.Concat(text.AsSpan(0, match.Index), replacement(match), text.AsSpan(match.Index + match.Length));
    }

    // A JSON value after a key: group 1 is the key and colon.
    [GeneratedRegex("""("[^"\\]*"\s*:\s*)("(?:[^"\\]|\\.)*"|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null)""")]
    private static partial Regex JsonValue();

    [GeneratedRegex("""("[^"\\]*"\s*:\s*)(-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)""")]
    private static partial Regex NumberValue();

    [GeneratedRegex("""("[^"\\]*"\s*:\s*)("(?:[^"\\]|\\.)*")""")]
    private static partial Regex StringValue();

    [GeneratedRegex("""\[""")]
    private static partial Regex ArrayStart();

    [GeneratedRegex("""("[^"\\]*"\s*:\s*(?:"(?:[^"\\]|\\.)*"|-?\d+(?:\.\d+)?|true|false|null))""")]
    private static partial Regex KeyValue();

    [GeneratedRegex("""\d{4}-\d{2}-\d{2}(?:T[0-9:.]+(?:Z|[+-]\d{2}:?\d{2})?)?""")]
    private static partial Regex DateLike();

    [GeneratedRegex("""<[A-Za-z][\w:.-]*>""")]
    private static partial Regex XmlOpenTag();

    [GeneratedRegex("""<item>.*?</item>""", RegexOptions.Singleline)]
    private static partial Regex XmlItem();

    [GeneratedRegex(""">[^<>]+<""")]
    private static partial Regex XmlText();
}
