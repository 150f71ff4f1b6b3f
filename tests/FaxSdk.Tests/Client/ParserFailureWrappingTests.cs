using FaxSdk.TestSupport;
using Microsoft.Extensions.Time.Testing;

namespace FaxSdk.Tests.Client;

/// <summary>Any parser failure reaches the client as a <see cref="FaxProtocolException"/>; other jobs keep their results; a wait counts it as a failed poll.</summary>
public class ParserFailureWrappingTests
{
    private static readonly FaxPollingSchedule NoJitter = new() { MinimumInterval = TimeSpan.FromSeconds(1), MaximumInterval = TimeSpan.FromSeconds(4), JitterRatio = 0 };

    private static Func<FaxJobStatus> Broken(Exception exception) => () => throw exception;

    [Theory]
    [InlineData(typeof(NullReferenceException))]
    [InlineData(typeof(InvalidOperationException))]
    [InlineData(typeof(ArgumentOutOfRangeException))]
    [InlineData(typeof(FormatException))]
    public async Task A_parser_bug_is_a_protocol_exception_that_names_the_provider(Type type)
    {
        var provider = new ScriptedProvider("scripted");
        provider.Script("j1", Broken((Exception)Activator.CreateInstance(type)!));
        var client = new FaxStatusClient(new StaticResolver(provider));

        var error = await Assert.ThrowsAsync<FaxProtocolException>(() => client.GetStatusAsync(new FaxJobReference("scripted", "j1")));

        Assert.Equal("scripted", error.Provider);
        Assert.IsType(type, error.InnerException);
        Assert.Contains("j1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetStatusesAsync_keeps_the_other_jobs_results()
    {
        var provider = new ScriptedProvider("scripted");
        provider.Script("good", FaxJobState.Succeeded);
        provider.Script("bad", Broken(new NullReferenceException()));
        var client = new FaxStatusClient(new StaticResolver(provider));

        var results = await client.GetStatusesAsync([new FaxJobReference("scripted", "good"), new FaxJobReference("scripted", "bad")]);

        Assert.Equal(FaxJobState.Succeeded, results[0].Status!.State);
        Assert.IsType<FaxProtocolException>(results[1].Error);
    }

    [Fact]
    public async Task A_batch_provider_that_throws_a_parser_bug_fails_only_its_batch()
    {
        var batch = new ThrowingBatchProvider("batch");
        var single = new ScriptedProvider("single");
        single.Script("s1", FaxJobState.Succeeded);
        var client = new FaxStatusClient(new StaticResolver(batch, single));

        var results = await client.GetStatusesAsync([new FaxJobReference("batch", "b1"), new FaxJobReference("single", "s1"), new FaxJobReference("batch", "b2")]);

        Assert.IsType<FaxProtocolException>(results[0].Error);
        Assert.IsType<FaxProtocolException>(results[2].Error);
        Assert.Equal(FaxJobState.Succeeded, results[1].Status!.State);
    }

    [Fact]
    public async Task A_batch_provider_can_fail_one_job_and_keep_the_others()
    {
        var batch = new PerJobBatchProvider("batch");
        var client = new FaxStatusClient(new StaticResolver(batch));

        var results = await client.GetStatusesAsync([new FaxJobReference("batch", "ok-1"), new FaxJobReference("batch", "refused"), new FaxJobReference("batch", "ok-2")]);

        Assert.Equal(["ok-1", "ok-2"], results.Where(r => r.IsSuccess).Select(r => r.Status!.JobId));
        Assert.Equal("refused", Assert.Single(results, r => !r.IsSuccess).Job.JobId);
    }

    [Fact]
    public async Task WaitForCompletionAsync_counts_a_parser_bug_as_a_failed_poll_and_goes_on()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.Zero));
        var provider = new ScriptedProvider("scripted") { Clock = clock };
        provider.Script("j1", Broken(new NullReferenceException()), () => provider.Status("j1", FaxJobState.Succeeded));
        var client = new FaxStatusClient(new StaticResolver(provider), new FaxStatusClientOptions { Polling = NoJitter }, clock);

        var result = await clock.AdvanceUntilCompletedAsync(client.WaitForCompletionAsync(new FaxJobReference("scripted", "j1")), TimeSpan.FromMilliseconds(250));

        Assert.True(result.IsCompleted);
        Assert.Equal(2, provider.Calls.Count);
    }

    [Fact]
    public async Task WaitForCompletionAsync_gives_up_after_too_many_parser_failures_with_a_protocol_exception()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.Zero));
        var provider = new ScriptedProvider("scripted") { Clock = clock };
        provider.Script("j1", Broken(new InvalidOperationException("Cannot transcode invalid UTF-8")));
        var client = new FaxStatusClient(new StaticResolver(provider), new FaxStatusClientOptions { Polling = NoJitter }, clock);

        await Assert.ThrowsAsync<FaxProtocolException>(() => clock.AdvanceUntilCompletedAsync(
            client.WaitForCompletionAsync(new FaxJobReference("scripted", "j1"), new FaxWaitOptions { MaxConsecutiveErrors = 2 }), TimeSpan.FromMilliseconds(250)));
        Assert.Equal(3, provider.Calls.Count);
    }

    private sealed class ThrowingBatchProvider(string id) : ScriptedProvider(id), IFaxBatchStatusProvider
    {
        public Task<IReadOnlyList<FaxJobStatus>> GetStatusesAsync(IReadOnlyList<FaxJobReference> jobs, CancellationToken cancellationToken = default) =>
            throw new NullReferenceException();
    }

    private sealed class PerJobBatchProvider(string id) : ScriptedProvider(id), IFaxBatchStatusProvider
    {
        public Task<IReadOnlyList<FaxJobStatus>> GetStatusesAsync(IReadOnlyList<FaxJobReference> jobs, CancellationToken cancellationToken = default) =>
            throw new InvalidOperationException("the client must call GetStatusResultsAsync");

        public Task<IReadOnlyList<FaxJobStatusResult>> GetStatusResultsAsync(IReadOnlyList<FaxJobReference> jobs, CancellationToken cancellationToken = default)
        {
            IReadOnlyList<FaxJobStatusResult> results = [.. jobs.Select(j => j.JobId == "refused"
                ? new FaxJobStatusResult { Job = j, Error = new FaxSdkException(ProviderId, "batch: this id cannot be sent.") }
                : new FaxJobStatusResult { Job = j, Status = Status(j.JobId, FaxJobState.Succeeded) })];
            return Task.FromResult(results);
        }
    }
}
