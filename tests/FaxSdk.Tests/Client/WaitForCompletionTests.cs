using System.Text.Json;
using FaxSdk.Serialization;
using FsCheck.Xunit;
using Microsoft.Extensions.Time.Testing;

namespace FaxSdk.Tests.Client;

public class WaitForCompletionTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 24, 9, 0, 0, TimeSpan.Zero);
    private static readonly FaxPollingSchedule NoJitter = new() { MinimumInterval = TimeSpan.FromSeconds(1), MaximumInterval = TimeSpan.FromSeconds(8), BackoffFactor = 2, JitterRatio = 0 };

    private readonly FakeTimeProvider _clock = new(Start);
    private readonly ScriptedProvider _provider = new("scripted");

    private FaxStatusClient Client(FaxStatusClientOptions? options = null)
    {
        _provider.Clock = _clock;
        return new FaxStatusClient(new StaticResolver(_provider), options ?? new FaxStatusClientOptions { Polling = NoJitter }, _clock);
    }

    private static FaxJobReference Job(string id) => new("scripted", id);

    [Fact]
    public async Task Polls_until_final_and_returns_the_final_status()
    {
        _provider.Script("j1", FaxJobState.Pending, FaxJobState.InProgress, FaxJobState.InProgress, FaxJobState.Succeeded);

        var result = await _clock.AdvanceUntilCompletedAsync(Client().WaitForCompletionAsync(Job("j1")), TimeSpan.FromMilliseconds(250));

        Assert.Equal(FaxWaitOutcome.Completed, result.Outcome);
        Assert.True(result.IsCompleted);
        Assert.Equal(FaxJobState.Succeeded, result.Status!.State);
        Assert.Equal(4, result.ResumeState.Polls);
        Assert.Equal(4, _provider.Calls.Count);
    }

    [Fact]
    public async Task Backs_off_exponentially_while_nothing_changes_and_starts_over_after_a_change()
    {
        _provider.Script("j1", FaxJobState.Pending, FaxJobState.Pending, FaxJobState.Pending, FaxJobState.Pending, FaxJobState.Pending,
            FaxJobState.InProgress, FaxJobState.InProgress, FaxJobState.Succeeded);

        await _clock.AdvanceUntilCompletedAsync(Client().WaitForCompletionAsync(Job("j1")), TimeSpan.FromMilliseconds(250));

        var times = _provider.Calls.Select(c => c.At).ToList();
        var gaps = times.Zip(times.Skip(1), (a, b) => (b - a).TotalSeconds).ToList();
        // First poll at once; after the first sight: 1 s; unchanged: 2, 4, 8, 8 (the maximum); changed: 1; unchanged: 2.
        Assert.Equal([1, 2, 4, 8, 8, 1, 2], gaps.Select(g => Math.Round(g * 4) / 4));
    }

    [Property]
    public bool Jitter_keeps_every_delay_between_the_minimum_and_the_maximum(double random, int steps)
    {
        var schedule = new FaxPollingSchedule { MinimumInterval = TimeSpan.FromSeconds(2), MaximumInterval = TimeSpan.FromSeconds(10), JitterRatio = 0.5 };
        var r = double.IsFinite(random) ? Math.Abs(random % 1) : 0.5;
        var interval = TimeSpan.Zero;
        for (var i = 0; i < Math.Abs(steps % 20); i++)
        {
            interval = schedule.Grow(interval);
        }

        var delay = schedule.Jittered(interval, r);
        return delay >= schedule.MinimumInterval && delay <= schedule.MaximumInterval;
    }

    [Fact]
    public async Task Honours_retry_after_from_a_rate_limited_answer()
    {
        _provider.Script("j1",
            () => throw new FaxRateLimitedException("scripted", "slow down") { RetryAfter = TimeSpan.FromSeconds(30) },
            () => _provider.Status("j1", FaxJobState.Succeeded));

        var result = await _clock.AdvanceUntilCompletedAsync(Client().WaitForCompletionAsync(Job("j1")), TimeSpan.FromMilliseconds(500));

        Assert.True(result.IsCompleted);
        var times = _provider.Calls.Select(c => c.At).ToList();
        Assert.True(times[1] - times[0] >= TimeSpan.FromSeconds(30), $"The second poll came after {times[1] - times[0]}.");
    }

    [Fact]
    public async Task Rides_out_transient_errors_but_not_more_than_allowed_in_a_row()
    {
        _provider.Script("ok", () => throw new FaxProviderUnavailableException("scripted", "503"), () => throw new FaxProtocolException("scripted", "truncated"), () => _provider.Status("ok", FaxJobState.Failed));
        _provider.Script("down", () => throw new FaxProviderUnavailableException("scripted", "503"));
        var client = Client();

        var ok = await _clock.AdvanceUntilCompletedAsync(client.WaitForCompletionAsync(Job("ok")), TimeSpan.FromMilliseconds(500));
        var down = client.WaitForCompletionAsync(Job("down"), new FaxWaitOptions { MaxConsecutiveErrors = 3 });
        var error = await Assert.ThrowsAsync<FaxProviderUnavailableException>(() => _clock.AdvanceUntilCompletedAsync(down, TimeSpan.FromMilliseconds(500)));

        Assert.Equal(FaxJobState.Failed, ok.Status!.State);
        Assert.Equal(4, _provider.Calls.Count(c => c.JobId == "down"));
        Assert.Equal("503", error.Message);
    }

    [Fact]
    public async Task A_non_transient_error_ends_the_wait_at_once()
    {
        _provider.Script("j1", () => throw new FaxAuthenticationException("scripted", "bad key"));

        await Assert.ThrowsAsync<FaxAuthenticationException>(() => Client().WaitForCompletionAsync(Job("j1")));
        Assert.Single(_provider.Calls, c => c.JobId == "j1");
    }

    // Changed with issue 15 (one error policy for waits and trackers): "job not found" no longer throws at once; the job
    // is polled again with backoff and given up after FaxPollErrorPolicy.MaxNotFoundPolls misses, as trackers do.
    [Fact]
    public async Task A_job_not_found_too_often_in_a_row_ends_the_wait_as_abandoned()
    {
        var client = Client(new FaxStatusClientOptions { Polling = NoJitter, ErrorPolicy = new FaxPollErrorPolicy { MaxNotFoundPolls = 3 } });

        var result = await _clock.AdvanceUntilCompletedAsync(client.WaitForCompletionAsync(Job("missing")), TimeSpan.FromMilliseconds(250));

        Assert.Equal(FaxWaitOutcome.Abandoned, result.Outcome);
        Assert.False(result.IsCompleted);
        Assert.Null(result.Status);
        var times = _provider.Calls.Where(c => c.JobId == "missing").Select(c => c.At).ToList();
        Assert.Equal(3, times.Count);
        // Backoff between misses, as for transient errors: 1 s, then 2 s.
        Assert.Equal([1, 2], times.Zip(times.Skip(1), (a, b) => Math.Round((b - a).TotalSeconds * 4) / 4));
    }

    [Fact]
    public async Task A_job_found_after_a_few_misses_is_waited_for_and_the_count_starts_again()
    {
        var found = _provider.Status("late", FaxJobState.InProgress);
        _provider.Script("late",
            () => throw new FaxJobNotFoundException("scripted", "not yet"),
            () => throw new FaxJobNotFoundException("scripted", "not yet"),
            () => found,
            () => throw new FaxJobNotFoundException("scripted", "blip"),
            () => throw new FaxJobNotFoundException("scripted", "blip"),
            () => _provider.Status("late", FaxJobState.Succeeded));
        var client = Client(new FaxStatusClientOptions { Polling = NoJitter, ErrorPolicy = new FaxPollErrorPolicy { MaxNotFoundPolls = 3 } });

        var result = await _clock.AdvanceUntilCompletedAsync(client.WaitForCompletionAsync(Job("late")), TimeSpan.FromMilliseconds(250));

        Assert.Equal(FaxWaitOutcome.Completed, result.Outcome);
        Assert.Equal(6, _provider.Calls.Count);
    }

    [Fact]
    public async Task A_watch_of_a_job_never_found_ends_with_the_not_found_error_after_the_policy_s_misses()
    {
        var client = Client(new FaxStatusClientOptions { Polling = NoJitter, ErrorPolicy = new FaxPollErrorPolicy { MaxNotFoundPolls = 2 } });

        async Task<int> Consume()
        {
            var count = 0;
            await foreach (var _ in client.WatchAsync(Job("missing")))
            {
                count++;
            }

            return count;
        }

        await Assert.ThrowsAsync<FaxJobNotFoundException>(() => _clock.AdvanceUntilCompletedAsync(Consume(), TimeSpan.FromMilliseconds(250)));
        Assert.Equal(2, _provider.Calls.Count);
    }

    [Fact]
    public async Task A_deadline_ends_the_wait_on_time_with_a_timed_out_result()
    {
        _provider.Script("slow", FaxJobState.InProgress);

        var result = await _clock.AdvanceUntilCompletedAsync(Client().WaitForCompletionAsync(Job("slow"), new FaxWaitOptions { Timeout = TimeSpan.FromSeconds(20) }), TimeSpan.FromMilliseconds(250));

        Assert.Equal(FaxWaitOutcome.TimedOut, result.Outcome);
        Assert.False(result.IsCompleted);
        Assert.Equal(FaxJobState.InProgress, result.Status!.State);
        var ended = _clock.GetUtcNow() - Start;
        Assert.InRange(ended, TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(20.5));
        Assert.All(_provider.Calls, c => Assert.True(c.At - Start <= TimeSpan.FromSeconds(20)));
    }

    [Fact]
    public async Task A_saved_state_resumes_where_it_left_off_and_survives_json()
    {
        _provider.Script("j1", FaxJobState.Pending, FaxJobState.InProgress, FaxJobState.InProgress, FaxJobState.Succeeded);
        var client = Client();
        var first = await _clock.AdvanceUntilCompletedAsync(client.WaitForCompletionAsync(Job("j1"), new FaxWaitOptions { Timeout = TimeSpan.FromSeconds(1.5) }), TimeSpan.FromMilliseconds(250));
        var saved = JsonSerializer.Serialize(first.ResumeState, FaxSdkJsonContext.Canonical.FaxWaitState);
        var restored = JsonSerializer.Deserialize(saved, FaxSdkJsonContext.Canonical.FaxWaitState)!;

        var second = await _clock.AdvanceUntilCompletedAsync(client.WaitForCompletionAsync(Job("j1"), new FaxWaitOptions { ResumeFrom = restored }), TimeSpan.FromMilliseconds(250));

        Assert.Equal(FaxWaitOutcome.TimedOut, first.Outcome);
        Assert.Equal(first.ResumeState, restored);
        Assert.Equal(FaxWaitOutcome.Completed, second.Outcome);
        Assert.Equal(4, second.ResumeState.Polls);
        Assert.Equal(4, _provider.Calls.Count);
    }

    [Fact]
    public async Task A_saved_state_of_another_job_is_refused()
    {
        var state = new FaxWaitState { Job = Job("other") };
        await Assert.ThrowsAsync<ArgumentException>(() => Client().WaitForCompletionAsync(Job("j1"), new FaxWaitOptions { ResumeFrom = state }));
    }

    [Fact]
    public async Task Cancellation_ends_a_wait_that_is_sleeping()
    {
        _provider.Script("slow", FaxJobState.InProgress);
        using var cancellation = new CancellationTokenSource();
        var wait = Client().WaitForCompletionAsync(Job("slow"), cancellationToken: cancellation.Token);
        await _clock.AdvanceUntilAsync(() => _provider.Calls.Count == 2, TimeSpan.FromMilliseconds(250));
        Assert.False(wait.IsCompleted);

        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => wait.WaitAsync(TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public async Task Watch_yields_the_first_status_and_each_change_then_ends_after_the_final_one()
    {
        _provider.Script("j1", FaxJobState.Pending, FaxJobState.Pending, FaxJobState.InProgress, FaxJobState.InProgress, FaxJobState.PartiallySucceeded);
        var client = Client();

        async Task<List<FaxJobState>> Collect()
        {
            var seen = new List<FaxJobState>();
            await foreach (var status in client.WatchAsync(Job("j1")))
            {
                seen.Add(status.State);
            }

            return seen;
        }

        var states = await _clock.AdvanceUntilCompletedAsync(Collect(), TimeSpan.FromMilliseconds(250));

        Assert.Equal([FaxJobState.Pending, FaxJobState.InProgress, FaxJobState.PartiallySucceeded], states);
    }

    [Fact]
    public async Task Watch_past_its_timeout_throws_with_the_last_status()
    {
        _provider.Script("slow", FaxJobState.InProgress);
        var client = Client();

        async Task<int> Consume()
        {
            var count = 0;
            await foreach (var _ in client.WatchAsync(Job("slow"), new FaxWaitOptions { Timeout = TimeSpan.FromSeconds(5) }))
            {
                count++;
            }

            return count;
        }

        var error = await Assert.ThrowsAsync<FaxWaitTimeoutException>(() => _clock.AdvanceUntilCompletedAsync(Consume(), TimeSpan.FromMilliseconds(250)));

        Assert.Equal(FaxJobState.InProgress, error.ResumeState.LastStatus!.State);
        Assert.Equal("scripted", error.Provider);
    }

    [Fact]
    public async Task The_timeout_also_ends_a_read_that_hangs()
    {
        _provider.Script("stuck", FaxJobState.InProgress);
        var client = Client();
        _provider.Gate = ct => Task.Delay(TimeSpan.FromHours(1), _clock, ct);

        var wait = client.WaitForCompletionAsync(Job("stuck"), new FaxWaitOptions { Timeout = TimeSpan.FromSeconds(5) });
        _clock.Advance(TimeSpan.FromSeconds(4.75));
        Assert.Single(_provider.Calls);
        Assert.False(wait.IsCompleted, "the read still hangs a quarter of a second before the deadline");

        // To the deadline, and no further: the hanging read ends then.
        _clock.Advance(TimeSpan.FromSeconds(0.25));
        var result = await _clock.AdvanceUntilCompletedAsync(wait, TimeSpan.Zero);

        Assert.Equal(FaxWaitOutcome.TimedOut, result.Outcome);
        Assert.Equal(TimeSpan.FromSeconds(5), _clock.GetUtcNow() - Start);
        Assert.Single(_provider.Calls);
    }
}
