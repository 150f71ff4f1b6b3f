using System.Text;
using FaxSdk.Retarus;

namespace FaxSdk.Providers.Tests.Retarus;

public class RetarusStatusParserTests
{
    [Fact]
    public void Seed_report_list_is_read_with_recipients_and_reference()
    {
        var reports = RetarusStatusParser.ParseReports(Fixture.Bytes("retarus", "seed-reports.json"), "DE1");

        Assert.Equal(2, reports.Count);
        var first = reports[0];
        Assert.Equal("FJJ5Y09UM505ZZBIELCRYC", first.Status.JobId);
        Assert.Equal(FaxJobState.Succeeded, first.Status.State);
        Assert.Equal(1, first.Status.Pages);
        var recipient = Assert.Single(first.Status.Recipients);
        Assert.Equal(("+498912345678900", FaxRecipientState.Succeeded, "OK"), (recipient.FaxNumber, recipient.State, recipient.ProviderStatus));
        Assert.Equal(TimeSpan.FromSeconds(19), recipient.CallDuration);
        Assert.Equal("+49/89/1234567-8900", recipient.RemoteCsid);
        Assert.Equal(new DateTimeOffset(2017, 8, 4, 15, 9, 10, TimeSpan.Zero), first.Status.CompletedAt);
        Assert.Equal("2017-08-04T15:09:10Z_customerDefinedId", first.Status.Detail);
        Assert.Equal("2017-08-04T15:09:10Z_billingCode", first.Properties["billingCode"]);
        Assert.Equal("DE1", first.Properties["dataCenter"]);
        Assert.Equal(["DE1"], first.Locations);
    }

    [Fact]
    public void A_single_report_is_accepted_too()
    {
        var status = Assert.Single(RetarusStatusParser.Parse(Fixture.Bytes("retarus", "single-failed.json")));

        Assert.Equal(FaxJobState.Failed, status.State);
        Assert.Equal(FaxFailureCategory.TransmissionError, status.Error!.Category);
        Assert.Equal(("REM_DIS", "simulated"), (status.Recipients[0].Error!.Code, status.Recipients[0].Error!.Message));
        Assert.Equal("+49 89 1234567-8900", status.Recipients[0].FaxNumber);
        Assert.Null(status.Recipients[0].RemoteCsid);
    }

    [Theory]
    [InlineData("BUSY", FaxFailureCategory.Busy)]
    [InlineData("RING_TO", FaxFailureCategory.NoAnswer)]
    [InlineData("WOUT_TO", FaxFailureCategory.NoAnswer)]
    [InlineData("NOFAX", FaxFailureCategory.NotAFaxDevice)]
    [InlineData("NOFAX_DIS", FaxFailureCategory.NotAFaxDevice)]
    [InlineData("NOFAX_TO", FaxFailureCategory.NotAFaxDevice)]
    [InlineData("WRONG_NO", FaxFailureCategory.InvalidNumber)]
    [InlineData("DIAL_NC", FaxFailureCategory.InvalidNumber)]
    [InlineData("CHANGED_NO", FaxFailureCategory.InvalidNumber)]
    [InlineData("BLACKLIST", FaxFailureCategory.Rejected)]
    [InlineData("PBLACKLIST", FaxFailureCategory.Rejected)]
    [InlineData("DIAL_GF", FaxFailureCategory.NetworkError)]
    [InlineData("COMERROR", FaxFailureCategory.NetworkError)]
    [InlineData("NO_TRAIN", FaxFailureCategory.TransmissionError)]
    [InlineData("FANS_GF", FaxFailureCategory.TransmissionError)]
    [InlineData("NO_REMOTEINFO", FaxFailureCategory.TransmissionError)]
    [InlineData("REM_DIS", FaxFailureCategory.TransmissionError)]
    [InlineData("PAGE_SEND_ERROR", FaxFailureCategory.TransmissionError)]
    [InlineData("BAD_LINES", FaxFailureCategory.TransmissionError)]
    [InlineData("EOD_FAILED", FaxFailureCategory.UnconfirmedDelivery)]
    [InlineData("RENDERING_ERROR", FaxFailureCategory.DocumentError)]
    [InlineData("TIFF_PAGE_ERR", FaxFailureCategory.DocumentError)]
    [InlineData("MISSING_FAX_FILE", FaxFailureCategory.DocumentError)]
    [InlineData("UNKNOWN_FAX_FILE", FaxFailureCategory.DocumentError)]
    public void Failure_codes_map_into_the_taxonomy(string code, FaxFailureCategory category)
    {
        var status = Single(code);

        Assert.Equal(FaxRecipientState.Failed, status.Recipients[0].State);
        Assert.Equal(category, status.Recipients[0].Error!.Category);
        Assert.Equal(FaxJobState.Failed, status.State);
    }

    [Fact]
    public void Ok_cancelled_and_unknown_codes()
    {
        Assert.Equal(FaxJobState.Succeeded, Single("OK").State);
        Assert.Equal(FaxJobState.Canceled, Single("CANCELLED").State);
        var unknown = Single("TELEPORTED");
        Assert.Equal(FaxRecipientState.Unknown, unknown.Recipients[0].State);
        Assert.Equal("TELEPORTED", unknown.Recipients[0].ProviderStatus);
        Assert.Equal(FaxJobState.Unknown, unknown.State); // a code nobody knows is no terminal failure (outcome rule)
        Assert.False(unknown.IsTerminal);
    }

    [Fact]
    public void A_cancelled_recipient_is_canceled_with_a_canceled_error_that_is_not_retryable()
    {
        var cancelled = Single("CANCELLED");

        Assert.Equal(FaxRecipientState.Canceled, cancelled.Recipients[0].State);
        Assert.Equal((FaxFailureCategory.Canceled, "CANCELLED"), (cancelled.Recipients[0].Error!.Category, cancelled.Recipients[0].Error!.Code));
        Assert.False(cancelled.Recipients[0].Error!.IsRetryable);
    }

    [Theory]
    [InlineData("report-pending-recipient.json")]
    public void A_report_with_a_recipient_without_a_final_code_is_not_terminal(string fixture)
    {
        var status = Assert.Single(RetarusStatusParser.Parse(Fixture.Bytes("retarus", fixture)));

        Assert.False(status.IsTerminal);
        Assert.NotEqual(FaxJobState.Failed, status.State);
    }

    [Fact]
    public void A_report_with_one_delivered_and_one_busy_recipient_is_partially_succeeded()
    {
        var status = Assert.Single(RetarusStatusParser.Parse(Fixture.Bytes("retarus", "report-two-recipients-one-busy.json")));

        Assert.Equal(FaxJobState.PartiallySucceeded, status.State);
        Assert.Equal(new DateTimeOffset(2023, 7, 28, 11, 30, 0, TimeSpan.Zero), status.CompletedAt);
        Assert.True(status.Recipients[1].Error!.IsRetryable);
    }

    [Theory]
    [InlineData("send-receipt.json", "is a send receipt")]
    [InlineData("bulk-delete-receipt.json", "is a bulk-delete receipt")]
    [InlineData("bulk-get-not-found.json", "bulk answer item without a report")]
    public void Receipts_are_protocol_errors_that_say_what_they_are(string fixture, string says)
    {
        var exception = Assert.Throws<FaxProtocolException>(() => RetarusStatusParser.Parse(Fixture.Bytes("retarus", fixture)));

        Assert.Contains(says, exception.Message, StringComparison.Ordinal);
        Assert.Contains("not a fax status report", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_report_list_is_no_status() =>
        Assert.Empty(RetarusStatusParser.Parse(Fixture.Bytes("retarus", "reports-empty.json")));

    [Theory]
    [InlineData("[]", "the body is an array")]
    [InlineData("null", "the body is null")]
    [InlineData("""{"foo":1}""", "neither a report list")]
    [InlineData("""{"reports":[null]}""", "reports[0] is not a report object")]
    [InlineData("""{"reports":["FJ1"]}""", "reports")]
    [InlineData("""{"jobId":"FJ1","recipientStatus":[null]}""", "recipientStatus[0]")]
    [InlineData("""{"jobId":"FJ1","recipientStatus":[{"durationInSecs":"long"}]}""", "durationInSecs")]
    public void Valid_json_of_another_shape_names_what_was_expected_or_found(string body, string says)
    {
        var exception = Assert.Throws<FaxProtocolException>(() => RetarusStatusParser.Parse(Encoding.UTF8.GetBytes(body)));

        Assert.Contains(says, exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0001-01-01T00:00:00+14:00")]
    [InlineData("9999-12-31T23:59:59-14:00")]
    [InlineData("not a time")]
    public void An_unreadable_sent_time_is_left_null(string time)
    {
        var status = RetarusStatusParser.Parse(Encoding.UTF8.GetBytes($$$"""{"jobId":"FJ1","recipientStatus":[{"number":"+1","status":"OK","sentTs":"{{{time}}}","durationInSecs":3}]}"""))[0];

        Assert.Equal(FaxJobState.Succeeded, status.State);
        Assert.Null(status.Recipients[0].CompletedAt);
        Assert.Null(status.CompletedAt);
    }

    [Theory]
    [MemberData(nameof(HostileBodies))]
    public void Hostile_bodies_give_a_status_or_an_sdk_exception(string name, byte[] body)
    {
        var exception = Record.Exception(() => RetarusStatusParser.ParseReports(body, "DE1"));

        Assert.True(exception is null or FaxSdkException, $"{name}: {exception}");
    }

    public static TheoryData<string, byte[]> HostileBodies() => new()
    {
        { "lone surrogate", Encoding.UTF8.GetBytes("""{"jobId":"FJ1","recipientStatus":[{"status":"\ud800","reason":"\udfff"}]}""") },
        { "invalid UTF-8", [.. "{\"jobId\":\"FJ1\",\"recipientStatus\":[{\"status\":\""u8, 0xC0, 0x80, .. "\"}]}"u8] },
        { "deep nesting", Encoding.UTF8.GetBytes("{\"reports\":" + new string('[', 100_000) + new string(']', 100_000) + "}") },
        { "nested reports", Encoding.UTF8.GetBytes("{\"reports\":[" + string.Concat(Enumerable.Repeat("{\"reports\":[", 20)) + new string(']', 1) + string.Concat(Enumerable.Repeat("}]", 20)) + "}") },
        { "huge numbers", Encoding.UTF8.GetBytes("""{"jobId":"FJ1","pages":1e999,"recipientStatus":[{"durationInSecs":99999999999}]}""") },
        { "negative duration", Encoding.UTF8.GetBytes("""{"jobId":"FJ1","recipientStatus":[{"status":"OK","durationInSecs":-5}]}""") },
        { "duplicate keys", Encoding.UTF8.GetBytes("""{"jobId":"FJ1","JOBID":"FJ2","recipientStatus":[],"recipientStatus":[{"status":"OK"}]}""") },
        { "type swaps", Encoding.UTF8.GetBytes("""{"jobId":["FJ1"],"recipientStatus":"OK","reference":7}""") },
        { "truncated", "{\"reports\":[{\"jobId\":\"FJ1\",\"recipientStatus\":[{\"sta"u8.ToArray() },
    };

    [Fact]
    public void Reports_are_bounded_and_a_4_MiB_list_of_empty_objects_is_refused_without_building_it()
    {
        var body = Encoding.UTF8.GetBytes("{\"reports\":[" + string.Join(',', Enumerable.Repeat("{}", 4 * 1024 * 1024 / 3)) + "]}");
        var before = GC.GetAllocatedBytesForCurrentThread();

        var exception = Assert.Throws<FaxProtocolException>(() => RetarusStatusParser.Parse(body));

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Contains("\"reports\" has more than 10,000 elements", exception.Message, StringComparison.Ordinal);
        Assert.True(allocated < body.Length, $"allocated {allocated:N0} bytes for a {body.Length:N0}-byte body");
    }

    [Fact]
    public void Many_reports_of_many_recipients_are_refused_by_the_object_bound()
    {
        var report = "{\"jobId\":\"FJ1\",\"recipientStatus\":[" + string.Join(',', Enumerable.Repeat("{}", 100)) + "]}";
        var body = Encoding.UTF8.GetBytes("{\"reports\":[" + string.Join(',', Enumerable.Repeat(report, 1_000)) + "]}");

        var exception = Assert.Throws<FaxProtocolException>(() => RetarusStatusParser.Parse(body));

        Assert.Contains("more than 50,000 JSON objects", exception.Message, StringComparison.Ordinal);
    }

    public static TheoryData<string> FixtureNames() =>
        [.. Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "Fixtures", "retarus")).Select(f => Path.GetFileName(f)!).Order()];

    /// <summary>Every real Retarus answer shape reads to its expected canonical JSON (see <see cref="ExpectedCanonical"/>).</summary>
    [Theory]
    [MemberData(nameof(FixtureNames))]
    public void Every_fixture_gives_its_expected_canonical_result(string name) =>
        ExpectedCanonical.Verify("retarus", name, body => RetarusStatusParser.Parse(body));

    [Theory]
    [InlineData("")]
    [InlineData("{}")]
    [InlineData("""{"reports":[{"recipientStatus":[]}]}""")]
    [InlineData("""{"reports":[{"jobId":"FJ1","pages":"two"}]}""")]
    [InlineData("<html><title>Service Unavailable</title></html>")]
    public void Unreadable_bodies_are_protocol_errors(string body) =>
        Assert.Throws<FaxProtocolException>(() => RetarusStatusParser.Parse(Encoding.UTF8.GetBytes(body)));

    [Fact]
    public void Property_no_byte_input_throws_anything_but_sdk_exceptions() =>
        ParserRobustness.NeverThrowsAnythingElse(Fixture.All("retarus").ToArray(), bytes => RetarusStatusParser.Parse(bytes));

    private static FaxJobStatus Single(string code) =>
        RetarusStatusParser.Parse(Encoding.UTF8.GetBytes($$$"""{"jobId":"FJ1","recipientStatus":[{"number":"+1","status":"{{{code}}}","reason":"r","durationInSecs":0}]}"""))[0];
}
