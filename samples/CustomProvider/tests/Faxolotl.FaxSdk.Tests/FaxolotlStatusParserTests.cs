using FaxSdk.Transport;
using System.Text;
using FaxSdk;

namespace Faxolotl.Tests;

public class FaxolotlStatusParserTests
{
    private static FaxJobStatus Parse(string json) => FaxolotlStatusParser.Parse(Encoding.UTF8.GetBytes(json));

    [Fact]
    public void A_done_job_with_a_busy_recipient_is_partially_succeeded()
    {
        var status = Parse(Payloads.DoneOneBusy);

        Assert.Equal("faxolotl", status.Provider);
        Assert.Equal("fx_8Q2", status.JobId);
        Assert.Equal(FaxJobState.PartiallySucceeded, status.State); // the outcome rule, not the provider's "DONE"
        Assert.Equal("DONE", status.ProviderStatus);
        Assert.Equal(2, status.Pages);
        Assert.Equal(new DateTimeOffset(2026, 3, 1, 9, 31, 10, TimeSpan.Zero), status.CompletedAt);
        Assert.Equal(2, status.Recipients.Count);
        Assert.Equal(FaxRecipientState.Succeeded, status.Recipients[0].State);
        var failed = status.Recipients[1];
        Assert.Equal(FaxRecipientState.Failed, failed.State);
        Assert.Equal(3, failed.Attempts);
        Assert.Equal(new FaxError(FaxFailureCategory.Busy, "busy", "Line busy after 3 tries"), failed.Error);
    }

    [Theory]
    [InlineData("QUEUED", "QUEUED", FaxJobState.Pending, FaxRecipientState.Pending)]
    [InlineData("SENDING", "DIALING", FaxJobState.InProgress, FaxRecipientState.Dialing)]
    [InlineData("SENDING", "TRANSMITTING", FaxJobState.InProgress, FaxRecipientState.Transmitting)]
    [InlineData("SENDING", "RETRYING", FaxJobState.InProgress, FaxRecipientState.RetryScheduled)]
    [InlineData("ON_HOLD", "QUEUED", FaxJobState.Paused, FaxRecipientState.Pending)]
    [InlineData("DONE", "DELIVERED", FaxJobState.Succeeded, FaxRecipientState.Succeeded)]
    [InlineData("done", "delivered", FaxJobState.Succeeded, FaxRecipientState.Succeeded)]
    [InlineData("FAILED", "FAILED", FaxJobState.Failed, FaxRecipientState.Failed)]
    [InlineData("CANCELLED", "CANCELLED", FaxJobState.Canceled, FaxRecipientState.Canceled)]
    [InlineData("CANCELED", "CANCELLED", FaxJobState.Canceled, FaxRecipientState.Canceled)]
    public void Each_state_maps_to_its_canonical_state(string jobState, string recipientState, FaxJobState expectedJob, FaxRecipientState expectedRecipient)
    {
        var status = Parse(Payloads.Job(jobState, recipientState));

        Assert.Equal(expectedJob, status.State);
        Assert.Equal(expectedRecipient, Assert.Single(status.Recipients).State);
    }

    [Fact]
    public void A_state_this_version_does_not_know_is_unknown_and_kept_verbatim()
    {
        var status = Parse(Payloads.Job("TELEPORTING", "SWIMMING"));

        Assert.Equal(FaxJobState.Unknown, status.State);
        Assert.Equal("TELEPORTING", status.ProviderStatus);
        var recipient = Assert.Single(status.Recipients);
        Assert.Equal(FaxRecipientState.Unknown, recipient.State);
        Assert.Equal("SWIMMING", recipient.ProviderStatus);
    }

    [Fact]
    public void A_body_over_the_payload_limits_is_refused_before_it_is_deserialised()
    {
        var recipients = string.Join(",", Enumerable.Repeat("{}", FaxPayloadLimits.MaxArrayLength + 1));

        var error = Assert.Throws<FaxProtocolException>(() => Parse($$"""{ "job": "fx_3", "state": "QUEUED", "recipients": [{{recipients}}] }"""));

        Assert.Equal(FaxolotlStatusParser.ProviderId, error.Provider);
    }

    [Theory]
    [InlineData("busy", FaxFailureCategory.Busy)]
    [InlineData("no_answer", FaxFailureCategory.NoAnswer)]
    [InlineData("not_a_fax", FaxFailureCategory.NotAFaxDevice)]
    [InlineData("bad_number", FaxFailureCategory.InvalidNumber)]
    [InlineData("rejected", FaxFailureCategory.Rejected)]
    [InlineData("line_error", FaxFailureCategory.NetworkError)]
    [InlineData("bad_document", FaxFailureCategory.DocumentError)]
    [InlineData("no_credit", FaxFailureCategory.AccountError)]
    [InlineData("gremlins", FaxFailureCategory.Unknown)]
    public void Each_reason_maps_to_its_failure_category_and_keeps_its_code(string reason, FaxFailureCategory expected)
    {
        var status = Parse($$"""{ "job": "fx_2", "state": "FAILED", "reason": "{{reason}}", "recipients": [ { "to": "+15550100", "state": "FAILED" } ] }""");

        Assert.Equal(FaxJobState.Failed, status.State);
        Assert.Equal(new FaxError(expected, reason, null), status.Error);
        // A single recipient without its own error takes the job's (the outcome rule).
        Assert.Equal(status.Error, Assert.Single(status.Recipients).Error);
    }

    [Fact]
    public void A_missing_state_is_unknown_and_a_recipient_without_state_is_pending()
    {
        var status = Parse("""{ "job": "fx_3", "recipients": [ { "to": "+15550100" } ] }""");

        Assert.Equal(FaxJobState.Unknown, status.State);
        Assert.Equal(FaxRecipientState.Pending, Assert.Single(status.Recipients).State);
    }

    [Theory]
    [InlineData("")]
    [InlineData("{ \"job\": \"fx_1\", \"state\": ")]
    [InlineData("<html><title>Bad gateway</title></html>")]
    [InlineData("{ \"state\": \"DONE\" }")]
    [InlineData("{ \"job\": \"fx_1\", \"pages\": \"two\" }")]
    [InlineData("null")]
    public void An_unreadable_body_is_a_protocol_error_naming_the_provider(string body)
    {
        var error = Assert.Throws<FaxProtocolException>(() => Parse(body));

        Assert.StartsWith("faxolotl: ", error.Message, StringComparison.Ordinal);
    }
}
