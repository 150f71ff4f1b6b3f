using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using FaxSdk.Mapping;
using FsCheck;
using FsCheck.Fluent;

namespace FaxSdk.Tests.Mapping;

internal delegate TEnum SpanParse<TEnum>(ReadOnlySpan<char> value);

internal delegate bool SpanTryParse<TEnum>(ReadOnlySpan<char> value, out TEnum result);

internal delegate TEnum Utf8Parse<TEnum>(ReadOnlySpan<byte> value);

internal delegate bool Utf8TryParse<TEnum>(ReadOnlySpan<byte> value, out TEnum result);

/// <summary>One generated map, checked against <see cref="WireOracle{TEnum}"/>: over generated input (FsCheck) and exhaustively.</summary>
public interface IMapUnderTest
{
    Type EnumType { get; }

    /// <summary>Whether the map has <c>FromCode</c> (its enum declares numeric codes).</summary>
    bool HasCodes { get; }

    /// <summary>Text biased towards this map's wire values: case flips, look-alikes, cuts, numbers, and any string.</summary>
    Gen<string> Inputs();

    /// <summary>This map's declared codes and any <see cref="int"/>.</summary>
    Gen<int> CodeInputs();

    void AssertParseAgreesWithOracle(string text);

    void AssertUtf8AgreesWithUtf16(string text);

    void AssertFromCodeAgreesWithOracle(int code);

    void CheckRoundTripAndCanonical();

    /// <summary>A map without <c>FromCode</c> has an enum without codes.</summary>
    void CheckNoCodesWithoutFromCode();

    void CheckSingleCodeUnitEdits();

    void CheckCodeTextEdgeCases();
}

internal sealed class MapUnderTest<TEnum, TCanonical> : IMapUnderTest
    where TEnum : struct, Enum
    where TCanonical : struct, Enum
{
    private readonly WireOracle<TEnum> _oracle = new();

    public required SpanParse<TEnum> Parse { get; init; }

    public required SpanTryParse<TEnum> TryParse { get; init; }

    public required Utf8Parse<TEnum> ParseUtf8 { get; init; }

    public required Utf8TryParse<TEnum> TryParseUtf8 { get; init; }

    public required Func<TEnum, string> ToWire { get; init; }

    public required Func<TEnum, TCanonical> ToCanonical { get; init; }

    public required ImmutableArray<WireMapEntry<TEnum, TCanonical>> Entries { get; init; }

    public Func<int, TEnum>? FromCode { get; init; }

    public Type EnumType => typeof(TEnum);

    public bool HasCodes => FromCode is not null;

    public override string ToString() => typeof(TEnum).Name;

    public Gen<string> Inputs()
    {
        var wires = _oracle.AllWires.Count > 0 ? _oracle.AllWires.ToArray() : ["x"];
        var anyString = ArbMap.Default.GeneratorFor<string>().Where(s => s is not null);
        var caseFlipped =
            from wire in Gen.Elements(wires)
            from flips in Gen.ArrayOf(ArbMap.Default.GeneratorFor<bool>(), wire.Length)
            select new string(wire.Select((c, i) => flips[i] && char.IsAsciiLetter(c) ? (char)(c ^ 0x20) : c).ToArray());
        var unicodeCase =
            from wire in Gen.Elements(wires)
            select wire.ToUpperInvariant();
        var lookalikes =
            from wire in Gen.Elements(wires)
            select wire.Replace('i', 'ı').Replace('s', 'ſ').Replace('k', '\u212A').Replace('K', '\u212A');
        var edited =
            from wire in Gen.Elements(wires)
            from cut in Gen.Choose(0, wire.Length)
            from suffix in Gen.Elements("", "x", " ", "\0", "é")
            select wire[..cut] + suffix;
        var numbers =
            from code in Gen.OneOf(Gen.Elements(_oracle.Codes.DefaultIfEmpty(0).ToArray()), Gen.Choose(-6000, 6000))
            from format in Gen.Elements("{0}", "+{0}", "0{0}", " {0}", "{0} ", "{0}.0", "-{0}")
            select string.Format(CultureInfo.InvariantCulture, format, code);
        return Gen.Frequency(
            (3, anyString), (3, caseFlipped), (1, unicodeCase), (1, lookalikes), (2, edited), (2, numbers),
            (1, Gen.Elements("", " ", "\uFFFD", "\uD800", new string('a', 300))));
    }

    public void AssertParseAgreesWithOracle(string text)
    {
        var expected = _oracle.Parse(text);
        var parsed = Parse(text);
        var matched = TryParse(text, out var tried);
        var expectMatch = _oracle.TryParse(text, out _);
        Assert.True(
            EqualityComparer<TEnum>.Default.Equals(parsed, expected)
                && EqualityComparer<TEnum>.Default.Equals(tried, expected)
                && matched == expectMatch,
            $"'{Escape(text)}': oracle {expected} ({expectMatch}), Parse {parsed}, TryParse {tried} ({matched})");
    }

    public void AssertUtf8AgreesWithUtf16(string text)
    {
        var utf8 = Encoding.UTF8.GetBytes(text);
        var fromUtf16 = Parse(text);
        var fromUtf8 = ParseUtf8(utf8);
        var tried = TryParseUtf8(utf8, out var triedValue);
        var expectMatch = _oracle.TryParse(Encoding.UTF8.GetString(utf8), out _);
        Assert.True(
            EqualityComparer<TEnum>.Default.Equals(fromUtf8, _oracle.Parse(Encoding.UTF8.GetString(utf8)))
                && (text.Any(char.IsSurrogate) || EqualityComparer<TEnum>.Default.Equals(fromUtf16, fromUtf8))
                && EqualityComparer<TEnum>.Default.Equals(triedValue, fromUtf8)
                && tried == expectMatch,
            $"'{Escape(text)}': UTF-16 {fromUtf16}, UTF-8 {fromUtf8}, TryParseUtf8 {triedValue} ({tried}), oracle match {expectMatch}");
    }

    public void CheckRoundTripAndCanonical()
    {
        foreach (var member in Enum.GetValues<TEnum>())
        {
            var wire = ToWire(member);
            Assert.Equal(_oracle.Primary[member], wire);
            if (wire.Length > 0)
            {
                Assert.Equal(member, Parse(wire));
                Assert.Equal(member, ParseUtf8(Encoding.UTF8.GetBytes(wire)));
            }

            var expected = _oracle.Canonical[member] is TCanonical target ? target : default;
            Assert.Equal(expected, ToCanonical(member));
        }

        Assert.Equal(_oracle.AllWires, Entries.Select(e => e.Wire));
        Assert.All(Entries, e => Assert.Equal(e.Value, Parse(e.Wire)));
        Assert.All(Entries, e => Assert.Equal(ToCanonical(e.Value), e.Canonical));
        Assert.Equal(Enum.GetValues<TEnum>().Count(m => _oracle.Primary[m].Length > 0), Entries.Count(e => e.IsPrimary));
    }

    /// <summary>
    /// Every wire value with one code unit replaced by its ASCII case partner (c ^ 0x20, also for non-letters such as
    /// '_' and DEL), its neighbours, NUL and a non-ASCII look-alike: the generated comparisons fold case with bit
    /// masks and switch on single code units, so each position is checked, in UTF-16 and UTF-8.
    /// </summary>
    public void CheckSingleCodeUnitEdits()
    {
        foreach (var wire in _oracle.AllWires)
        {
            for (var i = 0; i < wire.Length; i++)
            {
                foreach (var replacement in new[] { (char)(wire[i] ^ 0x20), (char)(wire[i] + 1), (char)(wire[i] - 1), '\0', (char)(wire[i] | 0x80), (char)(wire[i] + 0x100) })
                {
                    var text = wire[..i] + replacement + wire[(i + 1)..];
                    CheckOne(text);
                }
            }

            CheckOne(wire.ToUpperInvariant());
            CheckOne(wire.ToLowerInvariant());
            CheckOne(wire + "\0");
            CheckOne(wire.Length > 0 ? wire[..^1] : "x");
        }
    }

    /// <summary>Numeric code text in the shapes <c>int.TryParse(AllowLeadingSign, InvariantCulture)</c> treats specially.</summary>
    public void CheckCodeTextEdgeCases()
    {
        string[] shapes =
        [
            "", "+", "-", "0", "+0", "-0", "00", "\0", "17\0", "17\0\0", "\017", "17\0x", "1\07", " 17", "17 ", "--17", "+-17",
            "-+17", "1e1", "0x11", "17.0", "17,0", "\u221217", "\uFF11\uFF17", "\u0661\u0667", "2147483647", "+2147483647",
            "02147483647", "2147483648", "-2147483648", "-2147483649", "4294967313", "-4294967313", "99999999999",
            "999999999", "1000000000", "0000000000000000000017", "-0000000000000000005019", "+", "17+", "1-7",
        ];
        foreach (var text in shapes)
        {
            CheckOne(text);
        }

        foreach (var code in _oracle.Codes)
        {
            var digits = Math.Abs((long)code).ToString(CultureInfo.InvariantCulture);
            var sign = code < 0 ? "-" : "";
            foreach (var text in new[] { sign + digits, sign + "0" + digits, sign + "000000000" + digits, (code < 0 ? "-" : "+") + digits, sign + digits + "\0", sign + digits + "0", sign + digits[..^1] })
            {
                CheckOne(text);
            }
        }
    }

    private void CheckOne(string text)
    {
        var expectMatch = _oracle.TryParse(text, out var expected);
        var matched = TryParse(text, out var parsed);
        Assert.True(
            matched == expectMatch && EqualityComparer<TEnum>.Default.Equals(parsed, expected),
            $"UTF-16 '{Escape(text)}': expected {expected} ({expectMatch}), got {parsed} ({matched})");
        if (text.Any(char.IsSurrogate))
        {
            return;
        }

        var utf8 = Encoding.UTF8.GetBytes(text);
        var matchedUtf8 = TryParseUtf8(utf8, out var parsedUtf8);
        Assert.True(
            matchedUtf8 == expectMatch && EqualityComparer<TEnum>.Default.Equals(parsedUtf8, expected),
            $"UTF-8 '{Escape(text)}': expected {expected} ({expectMatch}), got {parsedUtf8} ({matchedUtf8})");
    }

    private static string Escape(string text) =>
        string.Concat(text.Select(c => c < 0x20 || c > 0x7E ? $"\\u{(int)c:X4}" : c.ToString()));

    public Gen<int> CodeInputs() =>
        Gen.OneOf(Gen.Elements(_oracle.Codes.DefaultIfEmpty(0).ToArray()), ArbMap.Default.GeneratorFor<int>());

    public void AssertFromCodeAgreesWithOracle(int code)
    {
        Assert.NotNull(FromCode);
        var expected = _oracle.FromCode(code);
        var actual = FromCode(code);
        Assert.True(EqualityComparer<TEnum>.Default.Equals(actual, expected), $"FromCode({code}): oracle {expected}, map {actual}");
    }

    public void CheckNoCodesWithoutFromCode()
    {
        Assert.Null(FromCode);
        Assert.Empty(_oracle.Codes);
    }
}
