using System.Text.Json;
using FaxSdk.Transport;

namespace FaxSdk.Tests.Transport;

public class FaxLenientDateTimeOffsetConverterTests
{
    private static readonly JsonSerializerOptions Options = new() { Converters = { new FaxLenientDateTimeOffsetConverter() } };

    private static DateTimeOffset? Read(string json) => JsonSerializer.Deserialize<Holder>($"{{\"At\":{json}}}", Options)!.At;

    [Theory]
    [InlineData("\"2021-11-04T16:28:30.000-05:00\"", 2021, 11, 4, 16, 28, 30, -5)]
    [InlineData("\"2017-08-04T15:09:10Z\"", 2017, 8, 4, 15, 9, 10, 0)]
    [InlineData("\"2016-11-25T15:57:40.0000000\"", 2016, 11, 25, 15, 57, 40, 0)]
    public void Readable_times_are_read_and_a_time_without_offset_is_utc(string json, int y, int mo, int d, int h, int mi, int s, int offset) =>
        Assert.Equal(new DateTimeOffset(y, mo, d, h, mi, s, TimeSpan.FromHours(offset)), Read(json));

    [Theory]
    [InlineData("\"0001-01-01T00:00:00+14:00\"")]
    [InlineData("\"9999-12-31T23:59:59-14:00\"")]
    [InlineData("\"yesterday\"")]
    [InlineData("\"\"")]
    [InlineData("\"\\ud800\"")]
    [InlineData("1293911100")]
    [InlineData("true")]
    [InlineData("{\"at\":\"2021-11-04T16:28:30Z\"}")]
    [InlineData("[1,2,[3]]")]
    [InlineData("null")]
    public void Unreadable_or_out_of_range_times_are_null(string json) => Assert.Null(Read(json));

    [Fact]
    public void An_over_long_string_is_null_without_being_parsed() =>
        Assert.Null(Read("\"2021-11-04T16:28:30Z" + new string(' ', 100) + "\""));

    [Fact]
    public void Writes_round_trip_format_and_null()
    {
        var time = new DateTimeOffset(2024, 5, 1, 10, 0, 0, TimeSpan.FromHours(-5));

        Assert.Equal("{\"At\":\"2024-05-01T10:00:00-05:00\"}", JsonSerializer.Serialize(new Holder { At = time }, Options));
        Assert.Equal("{\"At\":null}", JsonSerializer.Serialize(new Holder(), Options));
    }

    private sealed class Holder
    {
        public DateTimeOffset? At { get; set; }
    }
}
