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
    [InlineData("lineError", 121, FaxFailureCategory.NetworkError)]
    [InlineData("lineError", 11, FaxFailureCategory.TransmissionError)]
    [InlineData("faxError", 7, FaxFailureCategory.IncompatibleDestination)]
    [InlineData("faxError", 25, FaxFailureCategory.IncompatibleDestination)]
    [InlineData("faxError", 68, FaxFailureCategory.IncompatibleDestination)]
    [InlineData("faxError", 6, FaxFailureCategory.TransmissionError)]
    [InlineData("faxError", 131, FaxFailureCategory.TransmissionError)]
    [InlineData("faxError", 13, FaxFailureCategory.NotAFaxDevice)]
    [InlineData("faxError", 132, FaxFailureCategory.NotAFaxDevice)]
    [InlineData("faxError", 48, FaxFailureCategory.NoAnswer)]
    [InlineData("faxError", 40, FaxFailureCategory.NetworkError)]
    [InlineData("faxError", 46, FaxFailureCategory.AccountError)]
    [InlineData("faxError", 75, FaxFailureCategory.Canceled)]
    [InlineData("faxError", 76, FaxFailureCategory.Canceled)]
    [InlineData("faxError", 113, FaxFailureCategory.DocumentError)]
    [InlineData("faxError", 133, FaxFailureCategory.Rejected)]
    [InlineData("faxError", 79, FaxFailureCategory.TransmissionError)]
    [InlineData("documentConversionError", 69, FaxFailureCategory.DocumentError)]
    [InlineData("documentConversionError", 129, FaxFailureCategory.DocumentError)]
    [InlineData("documentConversionError", 999, FaxFailureCategory.DocumentError)]
    [InlineData("generalError", null, FaxFailureCategory.ProviderError)]
    [InlineData("fatalError", null, FaxFailureCategory.ProviderError)]
    [InlineData("somethingNew", 1, FaxFailureCategory.Unknown)]
    public void Error_types_and_ids_map_into_the_taxonomy(string type, int? id, FaxFailureCategory expected) =>
        Assert.Equal(expected, PhaxioStatusParser.ToError(type, id, null)!.Category);

    [Theory]
    [InlineData("faxError", 75)]
    [InlineData("faxError", 76)]
    [InlineData("faxError", 46)]
    [InlineData("faxError", 133)]
    [InlineData("faxError", 113)]
    [InlineData("lineError", 34)]
    [InlineData("lineError", 50)]
    [InlineData("lineError", 32)]
    [InlineData("documentConversionError", 4)]
    public void Cancellation_blocks_invalid_numbers_account_and_document_errors_are_never_retryable(string type, int id) =>
        Assert.False(PhaxioStatusParser.ToError(type, id, null)!.IsRetryable);

    [Fact]
    public void A_fax_canceled_by_a_user_is_canceled_on_the_job_and_the_recipient_and_not_retryable()
    {
        var status = PhaxioStatusParser.ParseResponse(Fixture.Bytes("phaxio", "canceled-by-user.json"));

        Assert.Equal(FaxJobState.Canceled, status.State);
        Assert.True(status.IsTerminal);
        Assert.Equal((FaxFailureCategory.Canceled, "75", "Manually canceled by user"), (status.Error!.Category, status.Error.Code, status.Error.Message));
        Assert.False(status.Error.IsRetryable);
        var recipient = Assert.Single(status.Recipients);
        Assert.Equal(FaxRecipientState.Canceled, recipient.State);
        Assert.Equal(FaxFailureCategory.Canceled, recipient.Error!.Category);
        Assert.False(recipient.Error.IsRetryable);
    }

    [Fact]
    public void A_fax_canceled_by_its_timeout_before_any_call_cancels_every_waiting_recipient()
    {
        var status = PhaxioStatusParser.ParseResponse(Fixture.Bytes("phaxio", "canceled-before-dialing.json"));

        Assert.Equal(FaxJobState.Canceled, status.State);
        Assert.All(status.Recipients, r => Assert.Equal((FaxRecipientState.Canceled, FaxFailureCategory.Canceled, "76"), (r.State, r.Error!.Category, r.Error.Code)));
    }

    [Fact]
    public void A_failure_for_a_stated_reason_fails_the_recipients_that_were_never_called()
    {
        var json = """{"id":5,"status":"failure","error_type":"documentConversionError","error_id":129,"error_message":"Mimetype not supported.","recipients":[{"phone_number":"+1","status":null},{"phone_number":"+2","status":"queued"}]}""";

        var status = PhaxioStatusParser.ParseFax(Encoding.UTF8.GetBytes(json));

        Assert.Equal(FaxJobState.Failed, status.State);
        Assert.All(status.Recipients, r => Assert.Equal((FaxRecipientState.Failed, FaxFailureCategory.DocumentError), (r.State, r.Error!.Category)));
    }

    [Theory]
    [InlineData("success-with-recipient-still-calling.json")]
    public void A_final_fax_status_with_a_recipient_still_under_way_is_not_final(string fixture)
    {
        var status = PhaxioStatusParser.ParseResponse(Fixture.Bytes("phaxio", fixture));

        Assert.False(status.IsTerminal);
        Assert.NotEqual(FaxJobState.Failed, status.State);
        Assert.Equal("success", status.ProviderStatus);
        Assert.Contains("no final result yet", status.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"id":1,"status":"failure","recipients":[{"phone_number":"+1","status":"inprogress"}]}""")]
    [InlineData("""{"id":1,"status":"partialsuccess","recipients":[{"phone_number":"+1","status":"success"},{"phone_number":"+2","status":"teleported"}]}""")]
    public void Other_contradictions_are_not_a_terminal_failure(string json)
    {
        var status = PhaxioStatusParser.ParseFax(Encoding.UTF8.GetBytes(json));

        Assert.False(status.IsTerminal);
        Assert.NotEqual(FaxJobState.Failed, status.State);
    }

    [Theory]
    [InlineData("send-response.json", "send, create, resend or cancel request")]
    [InlineData("cancel-response.json", "send, create, resend or cancel request")]
    [InlineData("v1-fax-status.json", "Phaxio API v1 is not supported")]
    [InlineData("v1-send-response.json", "Phaxio API v1 is not supported")]
    [InlineData("received-fax.json", "is a received fax")]
    public void Bodies_that_are_not_a_sent_fax_status_are_protocol_errors_that_say_what_they_are(string fixture, string says)
    {
        var exception = Assert.Throws<FaxProtocolException>(() => PhaxioStatusParser.Parse(Fixture.Bytes("phaxio", fixture)));

        Assert.Contains(says, exception.Message, StringComparison.Ordinal);
        Assert.Equal("phaxio", exception.Provider);
    }

    [Fact]
    public void A_list_response_gives_one_status_per_fax_and_the_empty_list_none()
    {
        var two = PhaxioStatusParser.Parse(Fixture.Bytes("phaxio", "list-two-faxes.json"));
        var none = PhaxioStatusParser.Parse(Fixture.Bytes("phaxio", "list-empty.json"));

        Assert.Equal(["1234", "1235"], two.Select(s => s.JobId));
        Assert.Equal([FaxJobState.Succeeded, FaxJobState.Failed], two.Select(s => s.State));
        Assert.Equal(FaxFailureCategory.InvalidNumber, two[1].Error!.Category);
        Assert.Empty(none);
    }

    [Fact]
    public void ParseResponse_names_Parse_for_a_list()
    {
        var exception = Assert.Throws<FaxProtocolException>(() => PhaxioStatusParser.ParseResponse(Fixture.Bytes("phaxio", "list-two-faxes.json")));

        Assert.Contains("PhaxioStatusParser.Parse", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_webhook_fax_object_is_read_as_a_fax_not_as_a_failed_envelope()
    {
        var status = Assert.Single(PhaxioStatusParser.Parse(Fixture.Bytes("phaxio", "webhook-fax-completed.json")));

        Assert.Equal(("123456", FaxJobState.Succeeded, true), (status.JobId, status.State, status.IsTest));
        Assert.Equal(new DateTimeOffset(2024, 5, 1, 10, 1, 30, TimeSpan.FromHours(-5)), status.CompletedAt);
    }

    [Theory]
    [InlineData("[]", "the body is an array")]
    [InlineData("\"queued\"", "the body is a string")]
    [InlineData("42", "the body is a number")]
    [InlineData("""{"foo":1}""", "none of the fields")]
    [InlineData("""{"success":true,"data":"queued"}""", "\"data\" is a string")]
    [InlineData("""{"success":true,"data":[null]}""", "data[0] is not a fax object")]
    [InlineData("""{"success":true,"data":[7]}""", "data[0] is not a fax object")]
    [InlineData("""{"id":1,"status":"queued","recipients":[null]}""", "recipients[0]")]
    [InlineData("""{"success":true,"data":{"id":1,"num_pages":"three"}}""", "num_pages")]
    public void Valid_json_of_another_shape_names_what_was_expected_or_found(string body, string says)
    {
        var exception = Assert.Throws<FaxProtocolException>(() => PhaxioStatusParser.Parse(Encoding.UTF8.GetBytes(body)));

        Assert.Contains(says, exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0001-01-01T00:00:00+14:00")]
    [InlineData("9999-12-31T23:59:59-14:00")]
    [InlineData("yesterday")]
    [InlineData("2024-13-45T99:00:00Z")]
    public void An_unreadable_time_is_left_null(string time)
    {
        var json = $$$"""{"id":1,"status":"success","created_at":"{{{time}}}","completed_at":1293911100,"recipients":[{"phone_number":"+1","status":"success","completed_at":{"at":"{{{time}}}"}}]}""";

        var status = PhaxioStatusParser.ParseFax(Encoding.UTF8.GetBytes(json));

        Assert.Equal((null, null, null), (status.SubmittedAt, status.CompletedAt, status.Recipients[0].CompletedAt));
        Assert.Equal(FaxJobState.Succeeded, status.State);
    }

    [Theory]
    [MemberData(nameof(HostileBodies))]
    public void Hostile_bodies_give_a_status_or_an_sdk_exception(string name, byte[] body)
    {
        var exception = Record.Exception(() => PhaxioStatusParser.Parse(body));

        Assert.True(exception is null or FaxSdkException, $"{name}: {exception}");
    }

    public static TheoryData<string, byte[]> HostileBodies() => new()
    {
        { "lone surrogate", Encoding.UTF8.GetBytes("""{"id":1,"status":"\ud800","error_message":"\udc00x"}""") },
        { "invalid UTF-8", [.. "{\"id\":1,\"status\":\""u8, 0xC3, 0x28, 0xFF, .. "\"}"u8] },
        { "deep nesting", Encoding.UTF8.GetBytes("{\"id\":1,\"tags\":" + new string('[', 100_000) + new string(']', 100_000) + "}") },
        { "huge numbers", Encoding.UTF8.GetBytes("""{"id":1e400,"num_pages":99999999999999999999,"error_id":-1e308}""") },
        { "huge id", Encoding.UTF8.GetBytes("""{"id":123456789012345678901234567890,"status":"queued"}""") },
        { "duplicate keys", Encoding.UTF8.GetBytes("""{"id":1,"id":"2","status":"queued","status":"success","recipients":[],"recipients":[{"phone_number":"+1","status":"success"}]}""") },
        { "type swaps", Encoding.UTF8.GetBytes("""{"id":true,"status":{},"recipients":{"0":{}}}""") },
        { "recipients null element", Encoding.UTF8.GetBytes("""{"success":true,"data":{"id":1,"status":"success","recipients":[null]}}""") },
        { "truncated", "{\"success\":true,\"data\":{\"id\":1,\"recipients\":[{\"phone_"u8.ToArray() },
    };

    [Fact]
    public void Recipients_are_bounded_and_a_4_MiB_array_of_empty_objects_is_refused_without_building_it()
    {
        var body = Encoding.UTF8.GetBytes("{\"id\":1,\"status\":\"queued\",\"recipients\":[" + string.Join(',', Enumerable.Repeat("{}", 4 * 1024 * 1024 / 3)) + "]}");
        var before = GC.GetAllocatedBytesForCurrentThread();

        var exception = Assert.Throws<FaxProtocolException>(() => PhaxioStatusParser.Parse(body));

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Contains("\"recipients\" has more than 10,000 elements", exception.Message, StringComparison.Ordinal);
        Assert.True(allocated < body.Length, $"allocated {allocated:N0} bytes for a {body.Length:N0}-byte body");
    }

    [Fact]
    public void Exactly_the_bound_of_recipients_is_read()
    {
        var body = Encoding.UTF8.GetBytes("{\"id\":1,\"status\":\"queued\",\"recipients\":[" + string.Join(',', Enumerable.Repeat("{\"status\":null}", FaxSdk.Transport.FaxPayloadLimits.MaxArrayLength)) + "]}");

        var status = PhaxioStatusParser.ParseFax(body);

        Assert.Equal(FaxSdk.Transport.FaxPayloadLimits.MaxArrayLength, status.Recipients.Count);
    }

    public static TheoryData<string> FixtureNames() =>
        [.. Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "Fixtures", "phaxio")).Select(f => Path.GetFileName(f)!).Order()];

    /// <summary>Every real Phaxio answer shape reads to its expected canonical JSON (see <see cref="ExpectedCanonical"/>).</summary>
    [Theory]
    [MemberData(nameof(FixtureNames))]
    public void Every_fixture_gives_its_expected_canonical_result(string name) =>
        ExpectedCanonical.Verify("phaxio", name, body => PhaxioStatusParser.Parse(body));

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
        ParserRobustness.NeverThrowsAnythingElse(Fixture.All("phaxio").ToArray(), bytes => PhaxioStatusParser.Parse(bytes));
}
