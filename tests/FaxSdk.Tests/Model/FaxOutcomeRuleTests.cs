using FaxSdk.Tests.Support;
using FsCheck.Xunit;

namespace FaxSdk.Tests.Model;

public class FaxOutcomeRuleTests
{
    private static FaxRecipientStatus Recipient(FaxRecipientState state, FaxError? error = null) =>
        new() { FaxNumber = "+15550100", State = state, Error = error };

    private static FaxJobStatus Job(FaxJobState state, FaxError? error = null, params FaxRecipientStatus[] recipients) =>
        new() { Provider = "test", JobId = "1", State = state, Error = error, Recipients = recipients };

    [Fact]
    public void Finished_with_a_failed_recipient_is_not_succeeded()
    {
        // Pantarey's "finished" maps to Succeeded, but finished does not mean delivered.
        var status = FaxOutcomeRule.Apply(Job(FaxJobState.Succeeded, null,
            Recipient(FaxRecipientState.Succeeded),
            Recipient(FaxRecipientState.Failed, new FaxError(FaxFailureCategory.Busy, "17"))));

        Assert.Equal(FaxJobState.PartiallySucceeded, status.State);
        Assert.True(status.IsTerminal);
    }

    [Fact]
    public void Finished_with_every_recipient_failed_is_failed_and_carries_the_recipient_error()
    {
        var busy = new FaxError(FaxFailureCategory.Busy, "17", "Busy");
        var status = FaxOutcomeRule.Apply(Job(FaxJobState.Succeeded, null,
            Recipient(FaxRecipientState.Failed, busy),
            Recipient(FaxRecipientState.Failed, new FaxError(FaxFailureCategory.NoAnswer))));

        Assert.Equal(FaxJobState.Failed, status.State);
        Assert.Same(busy, status.Error);
    }

    [Fact]
    public void Failure_reported_for_a_single_recipient_job_fills_the_recipient()
    {
        var error = new FaxError(FaxFailureCategory.InvalidNumber, "1", "Unallocated number");
        var status = FaxOutcomeRule.Apply(Job(FaxJobState.Failed, error, Recipient(FaxRecipientState.Failed)));

        Assert.Equal(FaxJobState.Failed, status.State);
        Assert.Same(error, status.Error);
        Assert.Same(error, status.Recipients[0].Error);
    }

    [Fact]
    public void Single_recipient_error_fills_the_job()
    {
        var error = new FaxError(FaxFailureCategory.Rejected, "21");
        var status = FaxOutcomeRule.Apply(Job(FaxJobState.Failed, null, Recipient(FaxRecipientState.Failed, error)));

        Assert.Same(error, status.Error);
    }

    [Fact]
    public void Failed_job_without_any_error_gets_an_unknown_error()
    {
        var status = FaxOutcomeRule.Apply(Job(FaxJobState.Failed));

        Assert.Equal(FaxJobState.Failed, status.State);
        Assert.Equal(FaxFailureCategory.Unknown, status.Error!.Category);
        Assert.False(status.Error.IsRetryable);
    }

    [Fact]
    public void Canceled_stays_canceled_even_with_delivered_recipients()
    {
        var status = FaxOutcomeRule.Apply(Job(FaxJobState.Canceled, null, Recipient(FaxRecipientState.Succeeded)));

        Assert.Equal(FaxJobState.Canceled, status.State);
    }

    [Fact]
    public void Every_recipient_canceled_gives_a_canceled_job()
    {
        var status = FaxOutcomeRule.Apply(Job(FaxJobState.Failed, null,
            Recipient(FaxRecipientState.Canceled), Recipient(FaxRecipientState.Canceled)));

        Assert.Equal(FaxJobState.Canceled, status.State);
    }

    [Theory]
    [InlineData(FaxJobState.Succeeded, FaxRecipientState.Dialing, FaxJobState.InProgress)]
    [InlineData(FaxJobState.Succeeded, FaxRecipientState.Pending, FaxJobState.InProgress)]
    [InlineData(FaxJobState.Failed, FaxRecipientState.Transmitting, FaxJobState.InProgress)]
    [InlineData(FaxJobState.Failed, FaxRecipientState.RetryScheduled, FaxJobState.InProgress)]
    [InlineData(FaxJobState.PartiallySucceeded, FaxRecipientState.Pending, FaxJobState.InProgress)]
    [InlineData(FaxJobState.Succeeded, FaxRecipientState.Unknown, FaxJobState.Unknown)]
    [InlineData(FaxJobState.Failed, FaxRecipientState.Unknown, FaxJobState.Unknown)]
    public void Finished_with_a_recipient_not_yet_final_is_not_final_and_keeps_tracking(FaxJobState reported, FaxRecipientState open, FaxJobState expected)
    {
        // "finished" (Pantarey) or "success" (Phaxio) while one recipient is still dialing or has a code nobody knows:
        // a contradiction, never a terminal failure that stops tracking.
        var status = FaxOutcomeRule.Apply(Job(reported, null,
            Recipient(FaxRecipientState.Failed, new FaxError(FaxFailureCategory.Busy, "17")),
            Recipient(open)) with { ProviderStatus = "finished" });

        Assert.Equal(expected, status.State);
        Assert.False(status.IsTerminal);
        Assert.Equal("finished", status.ProviderStatus);
        Assert.Equal(open, status.Recipients[1].State);
        Assert.Same(status, FaxOutcomeRule.Apply(status));
    }

    [Fact]
    public void Once_every_recipient_is_final_the_outcome_comes_from_them_again()
    {
        var status = FaxOutcomeRule.Apply(Job(FaxJobState.Succeeded, null,
            Recipient(FaxRecipientState.Failed, new FaxError(FaxFailureCategory.Busy, "17")),
            Recipient(FaxRecipientState.Canceled)));

        Assert.Equal(FaxJobState.Failed, status.State);
        Assert.True(status.IsTerminal);
    }

    [Theory]
    [InlineData(FaxJobState.Pending)]
    [InlineData(FaxJobState.InProgress)]
    [InlineData(FaxJobState.Paused)]
    [InlineData(FaxJobState.Unknown)]
    public void Non_terminal_states_are_kept_and_never_terminal(FaxJobState state)
    {
        var status = FaxOutcomeRule.Apply(Job(state, null, Recipient(FaxRecipientState.Succeeded)));

        Assert.Equal(state, status.State);
        Assert.False(status.IsTerminal);
    }

    [Fact]
    public void Unchanged_input_is_returned_as_is()
    {
        var job = Job(FaxJobState.Succeeded, null, Recipient(FaxRecipientState.Succeeded));

        Assert.Same(job, FaxOutcomeRule.Apply(job));
    }

    [Fact]
    public void Recipients_null_becomes_empty()
    {
        var job = new FaxJobStatus { Provider = "p", JobId = "j", Recipients = null! };

        Assert.NotNull(job.Recipients);
        Assert.Empty(job.Recipients);
    }

    // ---- Properties over arbitrary recipient lists ----

    [Property(Arbitrary = [typeof(ModelArbitraries)])]
    public bool Property_finished_jobs_take_their_outcome_from_recipients(FaxJobStatus job)
    {
        var result = FaxOutcomeRule.Apply(job);
        if (job.State is not (FaxJobState.Succeeded or FaxJobState.PartiallySucceeded or FaxJobState.Failed) || job.Recipients.Count == 0)
        {
            return result.State == job.State;
        }

        if (job.Recipients.Any(r => r.State is FaxRecipientState.Pending or FaxRecipientState.Dialing or FaxRecipientState.Transmitting or FaxRecipientState.RetryScheduled))
        {
            return result.State == FaxJobState.InProgress;
        }

        if (job.Recipients.Any(r => !r.State.IsTerminal()))
        {
            return result.State == FaxJobState.Unknown;
        }

        var delivered = job.Recipients.Count(r => r.State == FaxRecipientState.Succeeded);
        var canceled = job.Recipients.Count(r => r.State == FaxRecipientState.Canceled);
        var expected = delivered == job.Recipients.Count ? FaxJobState.Succeeded
            : delivered > 0 ? FaxJobState.PartiallySucceeded
            : canceled == job.Recipients.Count ? FaxJobState.Canceled
            : FaxJobState.Failed;
        return result.State == expected;
    }

    [Property(Arbitrary = [typeof(ModelArbitraries)])]
    public bool Property_failures_always_carry_an_error(FaxJobStatus job)
    {
        var result = FaxOutcomeRule.Apply(job);
        return (result.State != FaxJobState.Failed || result.Error is not null)
            && result.Recipients.All(r => r.State != FaxRecipientState.Failed || r.Error is not null);
    }

    [Property(Arbitrary = [typeof(ModelArbitraries)])]
    public bool Property_rule_is_idempotent_and_keeps_recipients_and_raw_values(FaxJobStatus job)
    {
        var once = FaxOutcomeRule.Apply(job);
        var twice = FaxOutcomeRule.Apply(once);
        return once.Equals(twice)
            && once.Recipients.Count == job.Recipients.Count
            && once.ProviderStatus == job.ProviderStatus
            && once.Recipients.Select(r => (r.FaxNumber, r.State, r.ProviderStatus))
                .SequenceEqual(job.Recipients.Select(r => (r.FaxNumber, r.State, r.ProviderStatus)));
    }

    [Property(Arbitrary = [typeof(ModelArbitraries)])]
    public bool Property_a_succeeded_job_means_every_recipient_got_it(FaxJobStatus job)
    {
        var result = FaxOutcomeRule.Apply(job);
        return result.State != FaxJobState.Succeeded || job.State != FaxJobState.Succeeded
            || result.Recipients.All(r => r.State == FaxRecipientState.Succeeded);
    }
}
