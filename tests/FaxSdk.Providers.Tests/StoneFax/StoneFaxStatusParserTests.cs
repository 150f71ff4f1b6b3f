using System.Text;
using FaxSdk.StoneFax;

namespace FaxSdk.Providers.Tests.StoneFax;

public class StoneFaxStatusParserTests
{
    [Fact]
    public void Seed_example_unwrapped_with_type_hint_and_single_recipient_object()
    {
        var status = StoneFaxStatusParser.Parse(Fixture.Bytes("stonefax", "seed-outbound-unwrapped.json"));

        Assert.Equal("stonefax", status.Provider);
        Assert.Equal("IAS-N1_6a504a1d-12d6-44a7-a249-db6c4389f413_0", status.JobId);
        Assert.Equal(FaxJobState.Succeeded, status.State);
        Assert.Equal("Completed", status.ProviderStatus);
        Assert.Equal(1, status.Pages);
        Assert.Equal(new DateTimeOffset(2016, 11, 25, 15, 56, 56, TimeSpan.Zero), status.SubmittedAt);
        Assert.Equal(new DateTimeOffset(2016, 11, 25, 15, 57, 40, TimeSpan.Zero), status.CompletedAt);
        var recipient = Assert.Single(status.Recipients);
        Assert.Equal("10002", recipient.FaxNumber);
        Assert.Equal("Mario Rossi", recipient.Name);
        Assert.Equal(FaxRecipientState.Succeeded, recipient.State);
    }

    [Fact]
    public void Wrapped_body_with_recipient_array_and_q931_busy()
    {
        var status = StoneFaxStatusParser.Parse(Fixture.Bytes("stonefax", "wrapped-failed-busy.json"));

        Assert.Equal(FaxJobState.Failed, status.State);
        Assert.Equal("Line busy after 3 attempts", status.Detail);
        Assert.Equal(FaxFailureCategory.Busy, status.Error!.Category);
        Assert.Equal("17", status.Error.Code);
        Assert.Equal("Busy", status.Error.Message);
        Assert.Equal(FaxFailureCategory.Busy, status.Recipients[0].Error!.Category);
    }

    [Fact]
    public void Timestamps_without_offset_are_read_in_the_server_time_zone()
    {
        var rome = TimeZoneInfo.CreateCustomTimeZone("Test+1", TimeSpan.FromHours(1), "Test+1", "Test+1");

        var status = StoneFaxStatusParser.Parse(Fixture.Bytes("stonefax", "seed-outbound-unwrapped.json"), rome);

        Assert.Equal(new DateTimeOffset(2016, 11, 25, 15, 57, 40, TimeSpan.FromHours(1)), status.CompletedAt);
        Assert.Equal(new DateTimeOffset(2016, 11, 25, 14, 57, 40, TimeSpan.Zero), status.CompletedAt!.Value.ToUniversalTime());
    }

    [Fact]
    public void Timestamps_with_an_offset_keep_it()
    {
        var json = """{"faxId":"x","status":"Completed","endTime":"2020-01-01T10:00:00+02:00","recipient":{"faxNumber":"1"}}""";

        var status = StoneFaxStatusParser.Parse(Encoding.UTF8.GetBytes(json), TimeZoneInfo.Utc);

        Assert.Equal(new DateTimeOffset(2020, 1, 1, 10, 0, 0, TimeSpan.FromHours(2)), status.CompletedAt);
    }

    [Theory]
    [InlineData(17, FaxFailureCategory.Busy)]
    [InlineData(18, FaxFailureCategory.NoAnswer)]
    [InlineData(19, FaxFailureCategory.NoAnswer)]
    [InlineData(1, FaxFailureCategory.InvalidNumber)]
    [InlineData(22, FaxFailureCategory.InvalidNumber)]
    [InlineData(28, FaxFailureCategory.InvalidNumber)]
    [InlineData(21, FaxFailureCategory.Rejected)]
    [InlineData(34, FaxFailureCategory.NetworkError)]
    [InlineData(38, FaxFailureCategory.NetworkError)]
    [InlineData(41, FaxFailureCategory.NetworkError)]
    [InlineData(42, FaxFailureCategory.NetworkError)]
    [InlineData(44, FaxFailureCategory.NetworkError)]
    [InlineData(47, FaxFailureCategory.NetworkError)]
    [InlineData(88, FaxFailureCategory.IncompatibleDestination)]
    [InlineData(999, FaxFailureCategory.Unknown)]
    public void Q931_causes_map_into_the_taxonomy(int cause, FaxFailureCategory expected) =>
        Assert.Equal(expected, StoneFaxStatusParser.ToError(FaxJobState.Failed, cause, null)!.Category);

    [Fact]
    public void Failed_without_a_cause_is_an_unknown_failure_that_keeps_the_reason()
    {
        var json = """{"faxId":"f","status":"Failed","failureReason":"Modem exploded","Q931Code":null,"recipient":{"faxNumber":"1"}}""";

        var status = StoneFaxStatusParser.Parse(Encoding.UTF8.GetBytes(json));

        Assert.Equal(FaxFailureCategory.Unknown, status.Error!.Category);
        Assert.Equal("Modem exploded", status.Error.Message);
    }

    [Theory]
    [InlineData("Queued", FaxJobState.Pending, FaxRecipientState.Pending)]
    [InlineData("InProgress", FaxJobState.InProgress, FaxRecipientState.Transmitting)]
    [InlineData("Canceled", FaxJobState.Canceled, FaxRecipientState.Canceled)]
    [InlineData("Cancelled", FaxJobState.Canceled, FaxRecipientState.Canceled)]
    [InlineData("completed", FaxJobState.Succeeded, FaxRecipientState.Succeeded)]
    [InlineData("Exploded", FaxJobState.Unknown, FaxRecipientState.Unknown)]
    public void Statuses_map_for_job_and_recipient(string wire, FaxJobState job, FaxRecipientState recipient)
    {
        var json = $$$"""{"faxId":"f","status":"{{{wire}}}","recipient":{"faxNumber":"1"}}""";

        var status = StoneFaxStatusParser.Parse(Encoding.UTF8.GetBytes(json));

        Assert.Equal(job, status.State);
        Assert.Equal(recipient, status.Recipients[0].State);
        Assert.Equal(wire, status.ProviderStatus);
    }

    [Theory]
    [InlineData("")]
    [InlineData("<!DOCTYPE html><html><title>401</title></html>")]
    [InlineData("""{"fax":{"faxId":"f","status":"Comp""")]
    [InlineData("""{"status":"Completed"}""")]
    [InlineData("""{"faxId":"f","recipient":5}""")]
    public void Unreadable_bodies_are_protocol_errors(string body) =>
        Assert.Throws<FaxProtocolException>(() => StoneFaxStatusParser.Parse(Encoding.UTF8.GetBytes(body)));

    [Fact]
    public void Property_no_byte_input_throws_anything_but_sdk_exceptions() =>
        ParserRobustness.NeverThrowsAnythingElse(Fixture.All("stonefax").ToArray(), bytes => StoneFaxStatusParser.Parse(bytes));
}
