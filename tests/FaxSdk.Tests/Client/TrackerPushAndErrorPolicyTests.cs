using System.Collections.Concurrent;

namespace FaxSdk.Tests.Client;

/// <summary>Pushes applied by the in-memory tracker like polls, the push safety net, and the shared not-found policy.</summary>
[Collection(FaxSdk.Tests.Tracking.TrackingWorkerCollection.Name)]
public class TrackerPushAndErrorPolicyTests : VirtualTimeClientTests
{
    private static FaxPushedStatus Push(ScriptedProvider provider, string jobId, FaxJobState state, string key) => new()
    {
        Job = new FaxJobReference(provider.ProviderId, jobId),
        Status = provider.Status(jobId, state),
        Trust = FaxPushTrust.Signed,
        DeliveryKey = key,
    };

    [Fact]
    public async Task A_pushed_status_is_applied_like_a_poll_and_the_first_final_completes_the_job_once_never_going_back()
    {
        var pushing = new ScriptedProvider("pushing");
        pushing.Script("j", FaxJobState.Pending);
        var client = Client(pushing);
        client.Pushes.RegisterReceiver("pushing");
        var tracker = client.CreateTracker(new FaxTrackerOptions { StopWhenAllCompleted = true });
        var changes = new ConcurrentQueue<FaxJobUpdate>();
        var completions = new ConcurrentQueue<FaxJobUpdate>();
        tracker.JobChanged += (_, u) => changes.Enqueue(u);
        tracker.JobCompleted += (_, u) => completions.Enqueue(u);
        var channel = tracker.Updates;
        tracker.Track(new FaxJobReference("pushing", "j"));
        var run = Task.Run(() => tracker.RunAsync());
        await Clock.AdvanceUntilAsync(() => changes.Count == 1, TimeSpan.FromMilliseconds(250));

        Assert.Equal(FaxPushDisposition.Published, await client.Pushes.AcceptAsync(Push(pushing, "j", FaxJobState.InProgress, "k1")));
        // A push wakes the tracker: wait for it without moving the clock.
        await Clock.AdvanceUntilAsync(() => changes.Count == 2, TimeSpan.FromMilliseconds(250), ready: () => false);
        Assert.Equal(FaxPushDisposition.Published, await client.Pushes.AcceptAsync(Push(pushing, "j", FaxJobState.Succeeded, "k2")));
        await Clock.AdvanceUntilAsync(() => run.IsCompleted, TimeSpan.FromMilliseconds(250), ready: () => false);
        await run;
        // Late and repeated pushes after the final one change nothing.
        Assert.Equal(FaxPushDisposition.Stale, await client.Pushes.AcceptAsync(Push(pushing, "j", FaxJobState.InProgress, "k3")));
        Assert.Equal(FaxPushDisposition.Duplicate, await client.Pushes.AcceptAsync(Push(pushing, "j", FaxJobState.Succeeded, "k2")));

        Assert.Equal([FaxJobState.Pending, FaxJobState.InProgress, FaxJobState.Succeeded], changes.Select(u => u.Status.State));
        Assert.Equal(FaxJobState.InProgress, changes.Last().Previous!.State);
        Assert.Equal(FaxJobState.Succeeded, Assert.Single(completions).Status.State);
        Assert.Single(pushing.Calls);
        Assert.Equal(0, tracker.Count);
        var handedOver = new List<FaxJobUpdate>();
        while (channel.TryRead(out var update))
        {
            handedOver.Add(update);
        }

        Assert.Equal(3, handedOver.Count);
    }

    [Fact]
    public async Task A_final_poll_wins_over_a_late_pushed_state_and_pushes_of_untracked_jobs_are_ignored()
    {
        var pushing = new ScriptedProvider("pushing");
        pushing.Script("j", FaxJobState.Failed);
        pushing.Script("other", FaxJobState.InProgress);
        var client = Client(pushing);
        var tracker = client.CreateTracker();
        var changes = new ConcurrentQueue<FaxJobUpdate>();
        tracker.JobChanged += (_, u) => changes.Enqueue(u);
        tracker.Track(new FaxJobReference("pushing", "j"));
        using var stop = new CancellationTokenSource();
        var run = Task.Run(() => tracker.RunAsync(stop.Token));
        await Clock.AdvanceUntilAsync(() => changes.Count == 1, TimeSpan.FromMilliseconds(250));

        Assert.Equal(FaxPushDisposition.Stale, await client.Pushes.AcceptAsync(Push(pushing, "j", FaxJobState.InProgress, "late")));
        Assert.Equal(FaxPushDisposition.Published, await client.Pushes.AcceptAsync(Push(pushing, "other", FaxJobState.Succeeded, "o1")));
        await Clock.AdvanceUntilAsync(() => Clock.GetUtcNow() > new DateTimeOffset(2026, 11, 24, 9, 0, 10, TimeSpan.Zero), TimeSpan.FromMilliseconds(250));
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);

        Assert.Equal(FaxJobState.Failed, Assert.Single(changes).Status.State);
    }

    [Fact]
    public async Task Jobs_whose_instance_pushes_are_polled_only_at_the_safety_net_interval()
    {
        var pushing = new ScriptedProvider("pushing");
        var polled = new ScriptedProvider("polled");
        pushing.Script("p", FaxJobState.InProgress);
        polled.Script("q", FaxJobState.InProgress);
        var client = Client(pushing, polled);
        client.Pushes.RegisterReceiver("pushing");
        var tracker = client.CreateTracker(new FaxTrackerOptions { PushSafetyNetInterval = TimeSpan.FromMinutes(10) });
        tracker.Track([new FaxJobReference("pushing", "p"), new FaxJobReference("polled", "q")]);
        using var stop = new CancellationTokenSource();
        var run = Task.Run(() => tracker.RunAsync(stop.Token));

        await Clock.AdvanceUntilAsync(() => pushing.Calls.Count >= 4, TimeSpan.FromSeconds(5));
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);

        var times = pushing.Calls.Select(c => c.At).ToList();
        var gaps = times.Zip(times.Skip(1), (a, b) => b - a).ToList();
        // Never sooner than 10 minutes less the schedule's 20 % jitter (a busy machine may run the tracker late, never early).
        Assert.All(gaps, g => Assert.True(g >= TimeSpan.FromMinutes(8), $"polled again after {g}"));
        Assert.True(polled.Calls.Count > pushing.Calls.Count, $"the other provider's job was polled {polled.Calls.Count} times");
    }

    [Fact]
    public async Task A_job_the_provider_never_finds_is_reported_once_and_no_longer_polled()
    {
        var single = new ScriptedProvider("single");
        single.Script("ok", FaxJobState.InProgress, FaxJobState.Succeeded);
        var client = Client(single);
        var tracker = client.CreateTracker(new FaxTrackerOptions { StopWhenAllCompleted = true, ErrorPolicy = new FaxPollErrorPolicy { MaxNotFoundPolls = 4 } });
        var failures = new ConcurrentQueue<FaxPollFailure>();
        var abandoned = new ConcurrentQueue<FaxPollFailure>();
        tracker.PollFailed += (_, f) => failures.Enqueue(f);
        tracker.JobAbandoned += (_, f) => abandoned.Enqueue(f);
        tracker.Track([new FaxJobReference("single", "missing"), new FaxJobReference("single", "ok")]);

        await Clock.AdvanceUntilCompletedAsync(Task.Run(() => tracker.RunAsync()), TimeSpan.FromMilliseconds(250));

        Assert.Equal([1, 2, 3, 4], failures.Select(f => f.ConsecutiveFailures));
        var gaveUp = Assert.Single(abandoned);
        Assert.IsType<FaxJobNotFoundException>(gaveUp.Error);
        Assert.Equal("missing", gaveUp.Job!.JobId);
        Assert.Equal(4, single.Calls.Count(c => c.JobId == "missing"));
        Assert.Equal(0, tracker.Count);
    }
}
