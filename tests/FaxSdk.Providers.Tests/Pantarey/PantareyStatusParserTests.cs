using System.Text;
using FaxSdk.Pantarey;

namespace FaxSdk.Providers.Tests.Pantarey;

public class PantareyStatusParserTests
{
    [Fact]
    public void Seed_example_finished_and_delivered_is_succeeded()
    {
        var status = PantareyStatusParser.Parse(Fixture.Bytes("pantarey", "seed-finished.json"));

        Assert.Equal("pantarey", status.Provider);
        Assert.Equal("0d139d2c-4a10-11f1-b04d-001851328a39", status.JobId);
        Assert.Equal(FaxJobState.Succeeded, status.State);
        Assert.Equal("finished", status.ProviderStatus);
        Assert.Equal(1, status.Pages);
        var recipient = Assert.Single(status.Recipients);
        Assert.Equal("0049530000000", recipient.FaxNumber);
        Assert.Equal(FaxRecipientState.Succeeded, recipient.State);
        Assert.Equal("0", recipient.ProviderStatus);
    }

    [Fact]
    public void Finished_is_not_delivered_when_a_recipient_failed()
    {
        var status = PantareyStatusParser.Parse(Fixture.Bytes("pantarey", "finished-one-failed.json"));

        Assert.Equal(FaxJobState.PartiallySucceeded, status.State);
        Assert.Equal(FaxRecipientState.Failed, status.Recipients[1].State);
        Assert.Equal("17", status.Recipients[1].Error!.Code);
        Assert.Equal("BUSY", status.Recipients[1].Error!.Message);
    }

    [Fact]
    public void Finished_with_every_recipient_failed_is_failed()
    {
        var json = """{"jobId":"j","status":"finished","recipients":[{"faxNumber":"1","resultCode":3,"resultText":"NO ANSWER"}]}""";

        var status = PantareyStatusParser.Parse(Encoding.UTF8.GetBytes(json));

        Assert.Equal(FaxJobState.Failed, status.State);
        Assert.Equal("3", status.Error!.Code);
    }

    [Fact]
    public void Finished_without_recipients_uses_the_statistics()
    {
        var json = """{"jobId":"j","status":"finished","statistics":{"pages":1,"recipientCount":2,"recipientCountSuccessful":1,"recipientCountError":1}}""";

        var status = PantareyStatusParser.Parse(Encoding.UTF8.GetBytes(json));

        Assert.Equal(FaxJobState.PartiallySucceeded, status.State);
    }

    [Theory]
    [InlineData("""{"recipientCount":0,"recipientCountSuccessful":1,"recipientCountError":2147483647}""", FaxJobState.PartiallySucceeded, "2147483647 of 2147483648 recipients failed.")]
    [InlineData("""{"recipientCount":-1,"recipientCountSuccessful":-5,"recipientCountError":1}""", FaxJobState.Failed, "1 of 1 recipients failed.")]
    [InlineData("""{"recipientCount":-1,"recipientCountSuccessful":-5,"recipientCountError":0}""", FaxJobState.Succeeded, null)]
    public void Negative_or_huge_statistics_counts_give_no_negative_numbers(string statistics, FaxJobState expected, string? errorMessage)
    {
        var status = PantareyStatusParser.Parse(Encoding.UTF8.GetBytes($$"""{"jobId":"j","status":"finished","statistics":{{statistics}}}"""));

        Assert.Equal(expected, status.State);
        Assert.Equal(errorMessage, status.Error?.Message);
        Assert.DoesNotContain("-", status.Detail ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public void Processing_has_no_recipients_yet_and_the_test_flag_travels_with_the_query()
    {
        var status = PantareyStatusParser.Parse(Fixture.Bytes("pantarey", "processing.json"), isTest: true);

        Assert.Equal(FaxJobState.InProgress, status.State);
        Assert.Empty(status.Recipients);
        Assert.True(status.IsTest);
    }

    [Theory]
    [InlineData("scheduling", FaxJobState.Pending)]
    [InlineData("scheduled", FaxJobState.Pending)]
    [InlineData("processing", FaxJobState.InProgress)]
    [InlineData("halted", FaxJobState.Paused)]
    [InlineData("locked", FaxJobState.Paused)]
    [InlineData("canceled", FaxJobState.Canceled)]
    [InlineData("error", FaxJobState.Failed)]
    [InlineData("vanished", FaxJobState.Unknown)]
    public void Statuses_map(string wire, FaxJobState expected)
    {
        var status = PantareyStatusParser.Parse(Encoding.UTF8.GetBytes($$"""{"jobId":"j","status":"{{wire}}","errorCode":"E42"}"""));

        Assert.Equal(expected, status.State);
        Assert.False(expected is FaxJobState.Paused or FaxJobState.Unknown && status.IsTerminal);
    }

    [Fact]
    public void Job_error_keeps_the_error_code_whatever_its_json_type()
    {
        var numeric = PantareyStatusParser.Parse("""{"jobId":"j","status":"error","errorCode":5012}"""u8);
        var text = PantareyStatusParser.Parse("""{"jobId":"j","status":"error","errorCode":"NO_CREDIT"}"""u8);

        Assert.Equal("5012", numeric.Error!.Code);
        Assert.Equal("NO_CREDIT", text.Error!.Code);
        Assert.Equal(FaxJobState.Failed, text.State);
    }

    [Theory]
    [InlineData("")]
    [InlineData("<html><body>Gateway Timeout</body></html>")]
    [InlineData("""{"jobId":"j","status":"fini""")]
    [InlineData("""{"status":"finished"}""")]
    [InlineData("""{"jobId":"j","recipients":[{"resultCode":"zero"}]}""")]
    public void Unreadable_bodies_are_protocol_errors(string body) =>
        Assert.Throws<FaxProtocolException>(() => PantareyStatusParser.Parse(Encoding.UTF8.GetBytes(body)));

    [Theory]
    [InlineData("finished-recipient-without-result.json")]
    [InlineData("finished-statistics-pending.json")]
    public void Finished_with_recipients_still_pending_is_not_a_terminal_failure(string fixture)
    {
        var status = PantareyStatusParser.Parse(Fixture.Bytes("pantarey", fixture));

        Assert.NotEqual(FaxJobState.Failed, status.State);
        Assert.False(status.IsTerminal);
    }

    [Theory]
    [InlineData("""{"jobId":"j","status":"finished","recipients":[{"faxNumber":"1","resultCode":null}]}""")]
    [InlineData("""{"jobId":"j","status":"finished","recipients":[{"faxNumber":"1"},{"faxNumber":"2","resultCode":3}]}""")]
    [InlineData("""{"jobId":"j","status":"finished","recipients":[{"faxNumber":"1","resultCode":0},{"faxNumber":"2"}]}""")]
    public void Finished_with_a_recipient_without_result_code_is_not_terminal(string json)
    {
        var status = PantareyStatusParser.Parse(Encoding.UTF8.GetBytes(json));

        Assert.NotEqual(FaxJobState.Failed, status.State);
        Assert.False(status.IsTerminal);
    }

    [Fact]
    public void An_error_job_fails_the_recipients_it_never_reached_with_its_error_code()
    {
        var status = PantareyStatusParser.Parse(Fixture.Bytes("pantarey", "error-with-code.json"));

        Assert.Equal(FaxJobState.Failed, status.State);
        Assert.Equal("5012", status.Error!.Code);
        Assert.Equal((FaxRecipientState.Failed, "5012"), (status.Recipients[0].State, status.Recipients[0].Error!.Code));
    }

    [Fact]
    public void A_canceled_job_cancels_its_unfinished_recipients()
    {
        var status = PantareyStatusParser.Parse(Fixture.Bytes("pantarey", "canceled.json"));

        Assert.Equal(FaxJobState.Canceled, status.State);
        Assert.Equal(FaxRecipientState.Canceled, status.Recipients[0].State);
        Assert.False(status.Recipients[0].Error!.IsRetryable);
    }

    [Theory]
    [InlineData("query-input.json", "task input")]
    [InlineData("send-fax-output.json", "\"Send fax\" task output")]
    public void Bodies_that_are_not_the_task_output_say_what_they_are(string fixture, string says)
    {
        var exception = Assert.Throws<FaxProtocolException>(() => PantareyStatusParser.Parse(Fixture.Bytes("pantarey", fixture)));

        Assert.Contains(says, exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[]", "the body is an array")]
    [InlineData("\"finished\"", "the body is a string")]
    [InlineData("""{"foo":1}""", "no \"jobId\"")]
    [InlineData("""{"jobId":"j"}""", "no \"status\"")]
    [InlineData("""{"jobId":"j","status":"finished","recipients":[null]}""", "recipients[0]")]
    [InlineData("""{"jobId":"j","status":"finished","recipients":[5]}""", "recipients")]
    [InlineData("""{"jobId":"j","status":"finished","statistics":{"pages":"one"}}""", "pages")]
    public void Valid_json_of_another_shape_names_what_was_expected_or_found(string body, string says)
    {
        var exception = Assert.Throws<FaxProtocolException>(() => PantareyStatusParser.Parse(Encoding.UTF8.GetBytes(body)));

        Assert.Contains(says, exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"jobId":"j","status":"error","errorCode":"\ud800"}""")]
    [InlineData("""{"jobId":"j","status":"error","errorCode":"a\udc00\ud800b"}""")]
    public void An_error_code_that_is_not_valid_text_is_kept_not_thrown(string json)
    {
        var status = PantareyStatusParser.Parse(Encoding.UTF8.GetBytes(json));

        Assert.Equal(FaxJobState.Failed, status.State);
        Assert.Contains("d800", status.Error!.Code, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void An_error_code_with_invalid_utf8_is_kept_with_replacement_characters()
    {
        byte[] json = [.. "{\"jobId\":\"j\",\"status\":\"error\",\"errorCode\":\"E"u8, 0xC3, 0x28, 0xFF, .. "\"}"u8];

        var status = PantareyStatusParser.Parse(json);

        Assert.StartsWith("E\uFFFD", status.Error!.Code, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"jobId":"j","status":"error","errorCode":{"code":7,"text":"no line"}}""", "{\"code\":7,\"text\":\"no line\"}")]
    [InlineData("""{"jobId":"j","status":"error","errorCode":true}""", "true")]
    [InlineData("""{"jobId":"j","status":"error","errorCode":-1.5e3}""", "-1.5e3")]
    public void An_error_code_of_any_json_type_is_kept_as_text(string json, string code) =>
        Assert.Equal(code, PantareyStatusParser.Parse(Encoding.UTF8.GetBytes(json)).Error!.Code);

    [Theory]
    [MemberData(nameof(HostileBodies))]
    public void Hostile_bodies_give_a_status_or_an_sdk_exception(string name, byte[] body)
    {
        var exception = Record.Exception(() => PantareyStatusParser.Parse(body));

        Assert.True(exception is null or FaxSdkException, $"{name}: {exception}");
    }

    public static TheoryData<string, byte[]> HostileBodies() => new()
    {
        { "lone surrogate in job id", Encoding.UTF8.GetBytes("""{"jobId":"\ud800","status":"finished"}""") },
        { "invalid UTF-8 in status", [.. "{\"jobId\":\"j\",\"status\":\""u8, 0xFF, .. "\"}"u8] },
        { "deep nesting", Encoding.UTF8.GetBytes("{\"jobId\":\"j\",\"x\":" + new string('{', 0) + new string('[', 100_000) + new string(']', 100_000) + "}") },
        { "deep error code", Encoding.UTF8.GetBytes("{\"jobId\":\"j\",\"status\":\"error\",\"errorCode\":" + new string('[', 40) + new string(']', 40) + "}") },
        { "huge numbers", Encoding.UTF8.GetBytes("""{"jobId":"j","status":"finished","statistics":{"pages":1e999,"recipientCount":-99999999999999999999}}""") },
        { "huge result code", Encoding.UTF8.GetBytes("""{"jobId":"j","status":"finished","recipients":[{"resultCode":4294967296}]}""") },
        { "duplicate keys", Encoding.UTF8.GetBytes("""{"jobId":"a","jobId":"b","status":"finished","status":"error","recipients":[],"recipients":[{"resultCode":0}]}""") },
        { "type swaps", Encoding.UTF8.GetBytes("""{"jobId":1,"status":["finished"],"statistics":[],"recipients":{}}""") },
        { "truncated", "{\"jobId\":\"j\",\"status\":\"finished\",\"recipients\":[{\"faxNu"u8.ToArray() },
    };

    [Fact]
    public void Recipients_are_bounded_and_a_4_MiB_array_of_empty_objects_is_refused_without_building_it()
    {
        var body = Encoding.UTF8.GetBytes("{\"jobId\":\"j\",\"status\":\"finished\",\"recipients\":[" + string.Join(',', Enumerable.Repeat("{}", 4 * 1024 * 1024 / 3)) + "]}");
        var before = GC.GetAllocatedBytesForCurrentThread();

        var exception = Assert.Throws<FaxProtocolException>(() => PantareyStatusParser.Parse(body));

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Contains("\"recipients\" has more than 10,000 elements", exception.Message, StringComparison.Ordinal);
        Assert.True(allocated < body.Length, $"allocated {allocated:N0} bytes for a {body.Length:N0}-byte body");
    }

    public static TheoryData<string> FixtureNames() =>
        [.. Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "Fixtures", "pantarey")).Select(f => Path.GetFileName(f)!).Order()];

    /// <summary>Every real Pantarey answer shape reads to its expected canonical JSON (see <see cref="ExpectedCanonical"/>).</summary>
    [Theory]
    [MemberData(nameof(FixtureNames))]
    public void Every_fixture_gives_its_expected_canonical_result(string name) =>
        ExpectedCanonical.Verify("pantarey", name, body => [PantareyStatusParser.Parse(body)]);

    [Fact]
    public void Property_no_byte_input_throws_anything_but_sdk_exceptions() =>
        ParserRobustness.NeverThrowsAnythingElse(Fixture.All("pantarey").ToArray(), bytes => PantareyStatusParser.Parse(bytes));
}
