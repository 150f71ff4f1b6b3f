using FaxSdk.Transport;

namespace FaxSdk.Tests.Transport;

public class FaxTimestampsTests
{
    private static readonly TimeZoneInfo West = TimeZoneInfo.CreateCustomTimeZone("Test-5", TimeSpan.FromHours(-5), "Test-5", "Test-5");
    private static readonly TimeZoneInfo East = TimeZoneInfo.CreateCustomTimeZone("Test+14", TimeSpan.FromHours(14), "Test+14", "Test+14");

    [Theory]
    [InlineData("0001-01-01T00:00:00+14:00")]
    [InlineData("9999-12-31T23:59:59-14:00")]
    [InlineData("not a time")]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    [InlineData("2024-13-45T99:99:99")]
    public void Unreadable_or_unrepresentable_times_are_null(string? text) =>
        Assert.Null(FaxTimestamps.Parse(text, West));

    [Fact]
    public void A_clock_time_shifted_past_the_calendar_by_the_zone_is_null_not_an_exception()
    {
        Assert.Null(FaxTimestamps.Parse("9999-12-31T23:59:59", West));
        Assert.Null(FaxTimestamps.Parse("0001-01-01T00:00:00", East));
        Assert.Null(FaxTimestamps.Parse("9999-12-31T23:59:59.9999999", West));
    }

    [Fact]
    public void Clock_times_are_read_in_the_zone_and_offsets_are_kept()
    {
        Assert.Equal(new DateTimeOffset(2016, 11, 25, 15, 57, 40, TimeSpan.FromHours(-5)), FaxTimestamps.Parse("2016-11-25T15:57:40.0000000", West));
        Assert.Equal(new DateTimeOffset(2016, 11, 25, 15, 57, 40, TimeSpan.Zero), FaxTimestamps.Parse("2016-11-25T15:57:40"));
        Assert.Equal(new DateTimeOffset(2020, 1, 1, 10, 0, 0, TimeSpan.FromHours(2)), FaxTimestamps.Parse("2020-01-01T10:00:00+02:00", West));
        Assert.Equal(new DateTimeOffset(2020, 1, 1, 10, 0, 0, TimeSpan.Zero), FaxTimestamps.Parse("2020-01-01T10:00:00Z", West));
        Assert.Equal(new DateTimeOffset(2016, 11, 25, 0, 0, 0, TimeSpan.FromHours(-5)), FaxTimestamps.Parse("2016-11-25", West));
    }
}
