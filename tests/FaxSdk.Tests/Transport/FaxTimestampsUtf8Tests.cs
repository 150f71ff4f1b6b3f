using System.Text;
using System.Text.Json;
using FaxSdk.Transport;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace FaxSdk.Tests.Transport;

/// <summary>The UTF-8 timestamp path against the string rule it must equal (offset included), on generated and edge times.</summary>
public class FaxTimestampsUtf8Tests
{
    private static readonly TimeZoneInfo West = TimeZoneInfo.CreateCustomTimeZone("Test-5", TimeSpan.FromHours(-5), "Test-5", "Test-5");

    // +1 h with summer time (+2 h) from the last Sunday of March to the last Sunday of October, as in Central Europe.
    private static readonly TimeZoneInfo Summer = TimeZoneInfo.CreateCustomTimeZone("Test+1/+2", TimeSpan.FromHours(1), "Test+1/+2", "Test+1", "Test+2",
    [
        TimeZoneInfo.AdjustmentRule.CreateAdjustmentRule(DateTime.MinValue.Date, DateTime.MaxValue.Date, TimeSpan.FromHours(1),
            TimeZoneInfo.TransitionTime.CreateFloatingDateRule(new DateTime(1, 1, 1, 2, 0, 0), 3, 5, DayOfWeek.Sunday),
            TimeZoneInfo.TransitionTime.CreateFloatingDateRule(new DateTime(1, 1, 1, 3, 0, 0), 10, 5, DayOfWeek.Sunday)),
    ]);

    public static class Times
    {
        private static readonly string[] Separators = ["T", " ", "t"];
        private static readonly string[] Suffixes = ["", "Z", "z", "+00:00", "+01:00", "-05:30", "+14:00", "-14:00", "+14:01", "+1400", "+01", " Z", "Z ", "+25:00", "-00:60"];

        public static Arbitrary<string> Text() => Arb.From(Gen.OneOf(Iso(), Edited()));

        private static Gen<string> Iso() =>
            from year in Gen.OneOf(Gen.Choose(1, 9999), Gen.Elements(1, 2, 9999, 2024, 2000, 1900))
            from month in Gen.Choose(0, 13)
            from day in Gen.Choose(0, 32)
            from hour in Gen.Choose(0, 25)
            from minute in Gen.Choose(0, 60)
            from second in Gen.Choose(0, 61)
            from fraction in Gen.OneOf(Gen.Constant(""), Gen.Choose(0, 9999999).Select(f => "." + f.ToString("D7")[..1]), Gen.Choose(0, 9999999).Select(f => "." + f.ToString("D7")), Gen.Constant(".12345678"), Gen.Constant("."))
            from separator in Gen.Elements(Separators)
            from suffix in Gen.Elements(Suffixes)
            select $"{year:D4}-{month:D2}-{day:D2}{separator}{hour:D2}:{minute:D2}:{second:D2}{fraction}{suffix}";

        private static Gen<string> Edited() =>
            from text in Iso()
            from position in Gen.Choose(0, 40)
            from replacement in Gen.Elements('x', ' ', '-', ':', '9', '0', '\u00e9', '+', '.')
            select position < text.Length ? text[..position] + replacement + text[(position + 1)..] : text + replacement;
    }

    [Property(Arbitrary = [typeof(Times)], MaxTest = 2000)]
    public void Utf8_equals_the_string_rule(string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        AssertSame(FaxTimestamps.Parse(text), FaxTimestamps.Parse(bytes));
        AssertSame(FaxTimestamps.Parse(text, West), FaxTimestamps.Parse(bytes, West));
        AssertSame(FaxTimestamps.Parse(text, Summer), FaxTimestamps.Parse(bytes, Summer));
    }

    [Theory]
    [InlineData("2024-03-31T02:30:00")]
    [InlineData("2024-10-27T02:30:00")]
    [InlineData("2024-07-01T12:00:00.5")]
    [InlineData("2024-01-01 12:00:00")]
    public void Clock_times_in_a_zone_with_summer_time_equal_the_string_rule(string text) =>
        AssertSame(FaxTimestamps.Parse(text, Summer), FaxTimestamps.Parse(Encoding.UTF8.GetBytes(text), Summer));

    [Theory]
    [InlineData("2024-03-01T10:00:00Z")]
    [InlineData("2024-03-01T10:00:00.1234567+01:00")]
    [InlineData("2024-03-01 10:00:00")]
    [InlineData("2024-02-29T23:59:59.5-14:00")]
    [InlineData("0001-01-01T00:00:00+14:00")]
    [InlineData("9999-12-31T23:59:59.9999999-14:00")]
    [InlineData("2023-02-29T10:00:00Z")]
    [InlineData("2024-03-01T24:00:00Z")]
    [InlineData("2024-03-01T10:00:00.Z")]
    [InlineData(" 2024-03-01T10:00:00Z")]
    [InlineData("2024-03-01")]
    [InlineData("")]
    public void Edge_times_equal_the_string_rule(string text)
    {
        AssertSame(FaxTimestamps.Parse(text), FaxTimestamps.Parse(Encoding.UTF8.GetBytes(text)));
        AssertSame(FaxTimestamps.Parse(text, West), FaxTimestamps.Parse(Encoding.UTF8.GetBytes(text), West));
    }

    [Fact]
    public void Invalid_utf8_and_overlong_text_are_null()
    {
        Assert.Null(FaxTimestamps.Parse([0x32, 0x30, 0xC3, 0x28]));
        Assert.Null(FaxTimestamps.Parse(Encoding.UTF8.GetBytes("2024-03-01T10:00:00Z" + new string(' ', 300))));
    }

    [Theory]
    [InlineData("\"2024-03-01T10:00:00Z\"")]
    [InlineData("\"2024\\u002d03-01T10:00:00+01:00\"")]
    [InlineData("\"not a time\"")]
    [InlineData("\"2024-03-01T10:00:00Z                                                          \"")]
    [InlineData("12")]
    [InlineData("null")]
    [InlineData("{\"a\":[1,2]}")]
    public void ReadLenient_equals_the_converter_as_a_deserialiser_used_it(string json)
    {
        var bytes = Encoding.UTF8.GetBytes("[" + json + ",1]");
        var reader = new Utf8JsonReader(bytes);
        reader.Read();
        reader.Read();
        var direct = FaxLenientDateTimeOffsetConverter.ReadLenient(ref reader);
        reader.Read();
        Assert.Equal(JsonTokenType.Number, reader.TokenType); // the reader is left on the value's last token

        var options = new JsonSerializerOptions { Converters = { new FaxLenientDateTimeOffsetConverter() } };
        var viaConverter = JsonSerializer.Deserialize<DateTimeOffset?[]>("[" + json + "]", options)![0];
        AssertSame(viaConverter, direct);
    }

    private static void AssertSame(DateTimeOffset? expected, DateTimeOffset? actual)
    {
        Assert.Equal(expected, actual);
        Assert.Equal(expected?.Offset, actual?.Offset);
    }
}
