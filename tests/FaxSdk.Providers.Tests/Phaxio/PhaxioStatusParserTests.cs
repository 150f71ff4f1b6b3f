using System.Text;
using FaxSdk.Phaxio;

namespace FaxSdk.Providers.Tests.Phaxio;

public class PhaxioStatusParserTests
{
    [Fact]
    public void Just_created_fax_with_a_null_recipient_status_is_pending_and_keeps_is_test()
    {
        var status = PhaxioStatusParser.ParseResponse(Fixture.Bytes("phaxio", "queued-just-created.json"));

        Assert.Equal("phaxio", status.Provider);
        Assert.Equal("323034813", status.JobId);
        Assert.Equal(FaxJobState.Pending, status.State);
        Assert.Equal("queued", status.ProviderStatus);
        Assert.True(status.IsTest);
        Assert.Equal(0, status.Pages);
        Assert.Equal(new DateTimeOffset(2021, 11, 4, 16, 28, 30, TimeSpan.FromHours(-5)), status.SubmittedAt);
        var recipient = Assert.Single(status.Recipients);
        Assert.Equal("+15558675309", recipient.FaxNumber);
        Assert.Equal(FaxRecipientState.Pending, recipient.State);
        Assert.Null(recipient.ProviderStatus);
        Assert.Null(recipient.Error);
    }

    [Fact]
    public void Partial_success_maps_recipients_and_line_error_17_to_busy()
    {
        var status = PhaxioStatusParser.ParseResponse(Fixture.Bytes("phaxio", "partialsuccess.json"));

        Assert.Equal(FaxJobState.PartiallySucceeded, status.State);
        Assert.True(status.IsTerminal);
        Assert.Equal(3, status.Pages);
        Assert.Equal(FaxRecipientState.Succeeded, status.Recipients[0].State);
        var failed = status.Recipients[1];
        Assert.Equal(FaxRecipientState.Failed, failed.State);
        Assert.Equal(FaxFailureCategory.Busy, failed.Error!.Category);
        Assert.True(failed.Error.IsRetryable);
        Assert.Equal("17", failed.Error.Code);
        Assert.Equal("Busy", failed.Error.Message);
        Assert.Equal(3, failed.Attempts);
    }

    [Fact]
    public void Will_retry_is_a_scheduled_retry_and_call_active_is_transmitting()
    {
        var status = PhaxioStatusParser.ParseResponse(Fixture.Bytes("phaxio", "inprogress-willretry.json"));

        Assert.Equal(FaxJobState.InProgress, status.State);
        Assert.False(status.IsTerminal);
        Assert.Equal(FaxRecipientState.RetryScheduled, status.Recipients[0].State);
        Assert.Equal(FaxFailureCategory.NoAnswer, status.Recipients[0].Error!.Category);
        Assert.Equal(FaxRecipientState.Transmitting, status.Recipients[1].State);
    }

    [Fact]
    public void Success_false_is_an_error_even_with_http_200()
    {
        var exception = Assert.ThrowsAny<FaxSdkException>(() => PhaxioStatusParser.ParseResponse(Fixture.Bytes("phaxio", "success-false.json")));

        Assert.Contains("Fax not found", exception.Message, StringComparison.Ordinal);
        Assert.Equal("phaxio", exception.Provider);
    }

    [Fact]
    public void Unknown_statuses_map_to_unknown_and_keep_the_raw_value()
    {
        var json = """{"success":true,"data":{"id":"abc","status":"sparkling","recipients":[{"phone_number":"+1","status":"teleported"}]}}""";

        var status = PhaxioStatusParser.ParseResponse(Encoding.UTF8.GetBytes(json));

        Assert.Equal(FaxJobState.Unknown, status.State);
        Assert.False(status.IsTerminal);
        Assert.Equal("sparkling", status.ProviderStatus);
        Assert.Equal(FaxRecipientState.Unknown, status.Recipients[0].State);
        Assert.Equal("teleported", status.Recipients[0].ProviderStatus);
    }

    [Fact]
    public void Success_with_a_failed_recipient_is_not_succeeded()
    {
        var json = """{"success":true,"data":{"id":1,"status":"success","recipients":[{"phone_number":"+1","status":"success"},{"phone_number":"+2","status":"failure","error_type":"lineError","error_id":34,"error_message":"Number not operational"}]}}""";

        var status = PhaxioStatusParser.ParseResponse(Encoding.UTF8.GetBytes(json));

        Assert.Equal(FaxJobState.PartiallySucceeded, status.State);
        Assert.Equal(FaxFailureCategory.InvalidNumber, status.Recipients[1].Error!.Category);
        Assert.False(status.Recipients[1].Error!.IsRetryable);
    }

    [Theory]
    [InlineData("lineError", 17, FaxFailureCategory.Busy)]
    [InlineData("lineError", 112, FaxFailureCategory.NoAnswer)]
    [InlineData("lineError", 115, FaxFailureCategory.InvalidNumber)]
    [InlineData("lineError", 50, FaxFailureCategory.Rejected)]
    [InlineData("lineError", 88, FaxFailureCategory.NetworkError)]
    [InlineData("lineError", 32, FaxFailureCategory.IncompatibleDestination)]
    [InlineData("lineError", 999, FaxFailureCategory.NetworkError)]
    [InlineData("faxError", 7, FaxFailureCategory.IncompatibleDestination)]
    [InlineData("faxError", 6, FaxFailureCategory.TransmissionError)]
    [InlineData("documentConversionError", 69, FaxFailureCategory.DocumentError)]
    [InlineData("generalError", null, FaxFailureCategory.ProviderError)]
    [InlineData("fatalError", null, FaxFailureCategory.ProviderError)]
    [InlineData("somethingNew", 1, FaxFailureCategory.Unknown)]
    public void Error_types_and_ids_map_into_the_taxonomy(string type, int? id, FaxFailureCategory expected) =>
        Assert.Equal(expected, PhaxioStatusParser.ToError(type, id, null)!.Category);

    [Fact]
    public void A_bare_fax_object_from_a_callback_parses()
    {
        var json = """{"id":9,"status":"failure","is_test":true,"error_type":"documentConversionError","error_id":69,"error_message":"Could not convert","recipients":[{"phone_number":"+1","status":"failure"}]}""";

        var status = PhaxioStatusParser.ParseFax(Encoding.UTF8.GetBytes(json));

        Assert.Equal(FaxJobState.Failed, status.State);
        Assert.Equal(FaxFailureCategory.DocumentError, status.Error!.Category);
        Assert.Same(status.Error, status.Recipients[0].Error);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("<html><title>Bad gateway</title></html>")]
    [InlineData("""{"success":true,"data":{"id":1,"status":"queu""")]
    [InlineData("""{"success":true,"data":null}""")]
    [InlineData("""{"success":true,"data":{"status":"queued"}}""")]
    [InlineData("""{"success":true,"data":{"id":1,"num_pages":"three"}}""")]
    public void Unreadable_bodies_are_protocol_errors(string body) =>
        Assert.Throws<FaxProtocolException>(() => PhaxioStatusParser.ParseResponse(Encoding.UTF8.GetBytes(body)));

    [Fact]
    public void Property_no_byte_input_throws_anything_but_sdk_exceptions() =>
        ParserRobustness.NeverThrowsAnythingElse(Fixture.All("phaxio").ToArray(), bytes => PhaxioStatusParser.ParseResponse(bytes));
}
