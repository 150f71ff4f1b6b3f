using System.Collections.Concurrent;

namespace FaxSdk.Tests.Client;

public class FaxJobTrackerTests : VirtualTimeClientTests
{
    [Fact]
    public async Task Follows_single_batch_and_feed_jobs_until_each_is_final_and_reports_each_completion_once()
    {
        var single = new ScriptedProvider("single");
        var batch = new ScriptedBatchProvider("batch");
        var feed = new ScriptedFeedProvider("feed");
        for (var i = 0; i < 20; i++)
        {
            single.Script($"s{i}", [.. Enumerable.Repeat(FaxJobState.InProgress, i % 4), i % 3 == 0 ? FaxJobState.Failed : FaxJobState.Succeeded]);
            batch.Script($"b{i}", [.. Enumerable.Repeat(FaxJobState.Pending, i % 5), FaxJobState.PartiallySucceeded]);
            feed.Script($"f{i}", FaxJobState.InProgress);
        }

        var client = Client(single, batch, feed);
        var tracker = client.CreateTracker(new FaxTrackerOptions { StopWhenAllCompleted = true, FeedInterval = TimeSpan.FromSeconds(2) });
        var completed = new ConcurrentQueue<FaxJobUpdate>();
        var changes = new ConcurrentQueue<FaxJobUpdate>();
        tracker.JobCompleted += (_, u) => completed.Enqueue(u);
        tracker.JobChanged += (_, u) => changes.Enqueue(u);
        var channel = tracker.Updates;
        var jobs = Enumerable.Range(0, 20).SelectMany(i => new[] { new FaxJobReference("single", $"s{i}"), new FaxJobReference("batch", $"b{i}"), new FaxJobReference("feed", $"f{i}") }).ToList();
        Assert.Equal(60, tracker.Track(jobs));
        Assert.Equal(0, tracker.Track(jobs));

        var start = Clock.GetUtcNow();
        var run = tracker.RunAsync();
        // The feed's reports appear a few seconds in.
        await Clock.AdvanceUntilAsync(() => Clock.GetUtcNow() - start >= TimeSpan.FromSeconds(6) || run.IsCompleted, TimeSpan.FromMilliseconds(250));
        Assert.False(run.IsCompleted);
        for (var i = 0; i < 20; i++)
        {
            feed.Publish($"f{i}", FaxJobState.Succeeded);
        }

        await Clock.AdvanceUntilCompletedAsync(run, TimeSpan.FromMilliseconds(250));

        Assert.Equal(0, tracker.Count);
        Assert.Equal(jobs.OrderBy(j => j.ToString()), completed.Select(u => u.Job).OrderBy(j => j.ToString()));
        Assert.All(completed, u => Assert.True(u.IsCompleted));
        Assert.Equal(FaxJobState.Failed, completed.Single(u => u.Job.JobId == "s3").Status.State);
        // Jobs of the batch provider due together are read in one call (a lone due job may be read on its own).
        Assert.True(batch.Batches.Sum(b => b.Count) > 3 * batch.Calls.Count, $"{batch.Batches.Sum(b => b.Count)} answers in batches, {batch.Calls.Count} single reads");
        Assert.Equal(20, batch.Batches.First().Count);
        Assert.Equal(0, feed.OnServer);
        Assert.Equal(20, feed.Acknowledged.Distinct().Count());
        Assert.Equal(changes.Count, CountChannel(channel));

        // Each job's updates: first sight, then only changes, the last one final.
        foreach (var perJob in changes.GroupBy(u => u.Job))
        {
            var list = perJob.ToList();
            Assert.Null(list[0].Previous);
            Assert.True(list[^1].IsCompleted);
            Assert.All(list.Skip(1), u => Assert.NotEqual(u.Previous!.State, u.Status.State));
        }
    }

    [Fact]
    public async Task A_report_is_acknowledged_only_after_the_update_was_handed_over()
    {
        var feed = new ScriptedFeedProvider("feed");
        feed.Script("f1", FaxJobState.InProgress);
        feed.Publish("f1", FaxJobState.Failed);
        var client = Client(feed);
        var tracker = client.CreateTracker(new FaxTrackerOptions { StopWhenAllCompleted = true });
        var crash = true;
        tracker.JobCompleted += (_, _) =>
        {
            if (crash)
            {
                throw new InvalidOperationException("the application crashed while storing the result");
            }
        };
        tracker.Track(new FaxJobReference("feed", "f1"));

        await Assert.ThrowsAsync<InvalidOperationException>(() => Clock.AdvanceUntilCompletedAsync(tracker.RunAsync(), TimeSpan.FromMilliseconds(250)));
        Assert.Equal(1, feed.OnServer);
        Assert.Empty(feed.Acknowledged);

        // The restarted application tracks the job again and this time stores it: the report was still there.
        crash = false;
        var again = client.CreateTracker(new FaxTrackerOptions { StopWhenAllCompleted = true });
        FaxJobUpdate? done = null;
        again.JobCompleted += (_, u) => done = u;
        again.Track(new FaxJobReference("feed", "f1"));
        await Clock.AdvanceUntilCompletedAsync(again.RunAsync(), TimeSpan.FromMilliseconds(250));

        Assert.Equal(FaxJobState.Failed, done!.Status.State);
        Assert.Equal(0, feed.OnServer);
        Assert.Equal(["f1"], feed.Acknowledged);
    }

    [Fact]
    public async Task A_failed_acknowledgement_is_retried_on_the_next_read_never_dropped()
    {
        var feed = new ScriptedFeedProvider("feed") { FailAcknowledgements = 2 };
        feed.Script("f1", FaxJobState.InProgress);
        feed.Publish("f1", FaxJobState.Succeeded);
        var tracker = Client(feed).CreateTracker(new FaxTrackerOptions { FeedInterval = TimeSpan.FromSeconds(1) });
        var failures = new ConcurrentQueue<FaxPollFailure>();
        tracker.PollFailed += (_, f) => failures.Enqueue(f);
        tracker.Track(new FaxJobReference("feed", "f1"));
        using var stop = new CancellationTokenSource();
        var run = tracker.RunAsync(stop.Token);

        await Clock.AdvanceUntilAsync(() => feed.OnServer == 0, TimeSpan.FromMilliseconds(100));

        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
        Assert.Equal(0, feed.OnServer);
        Assert.Equal(["f1"], feed.Acknowledged);
        Assert.Equal(2, failures.Count(f => f.Job is null));
    }

    [Fact]
    public async Task Reports_of_untracked_jobs_are_left_on_the_provider_unless_asked()
    {
        var feed = new ScriptedFeedProvider("feed");
        feed.Script("mine", FaxJobState.InProgress);
        feed.Publish("mine", FaxJobState.Succeeded);
        feed.Publish("someone-elses", FaxJobState.Succeeded);
        var client = Client(feed);

        var polite = client.CreateTracker(new FaxTrackerOptions { StopWhenAllCompleted = true });
        polite.Track(new FaxJobReference("feed", "mine"));
        await Clock.AdvanceUntilCompletedAsync(polite.RunAsync(), TimeSpan.FromMilliseconds(250));
        Assert.Equal(1, feed.OnServer);

        feed.Script("mine2", FaxJobState.InProgress);
        feed.Publish("mine2", FaxJobState.Succeeded);
        var sole = client.CreateTracker(new FaxTrackerOptions { StopWhenAllCompleted = true, AcknowledgeUntrackedReports = true });
        sole.Track(new FaxJobReference("feed", "mine2"));
        await Clock.AdvanceUntilCompletedAsync(sole.RunAsync(), TimeSpan.FromMilliseconds(250));
        Assert.Equal(0, feed.OnServer);
    }

    [Fact]
    public async Task Poll_failures_are_raised_and_the_job_is_polled_again()
    {
        var single = new ScriptedProvider("single");
        single.Script("j", () => throw new FaxProviderUnavailableException("single", "503"), () => throw new FaxRateLimitedException("single", "429") { RetryAfter = TimeSpan.FromSeconds(3) }, () => single.Status("j", FaxJobState.Succeeded));
        var tracker = Client(single).CreateTracker(new FaxTrackerOptions { StopWhenAllCompleted = true });
        var failures = new ConcurrentQueue<FaxPollFailure>();
        tracker.PollFailed += (_, f) => failures.Enqueue(f);
        tracker.Track(new FaxJobReference("single", "j"));

        await Clock.AdvanceUntilCompletedAsync(tracker.RunAsync(), TimeSpan.FromMilliseconds(250));

        Assert.Equal([1, 2], failures.Select(f => f.ConsecutiveFailures));
        var calls = single.Calls.Select(c => c.At).ToList();
        Assert.True(calls[2] - calls[1] >= TimeSpan.FromSeconds(3));
    }

    [Fact]
    public async Task Cancellation_stops_a_sleeping_tracker_and_completes_its_channel()
    {
        var single = new ScriptedProvider("single");
        single.Script("j", FaxJobState.InProgress);
        var tracker = Client(single).CreateTracker();
        var channel = tracker.Updates;
        tracker.Track(new FaxJobReference("single", "j"));
        using var stop = new CancellationTokenSource();
        var run = tracker.RunAsync(stop.Token);
        await Clock.AdvanceUntilAsync(() => single.Calls.Count == 1, TimeSpan.FromMilliseconds(100));
        Assert.False(run.IsCompleted);

        await stop.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run.WaitAsync(TimeSpan.FromSeconds(5)));
        var handedOver = new List<FaxJobUpdate>();
        await foreach (var update in channel.ReadAllAsync().WithCancellation(new CancellationTokenSource(TimeSpan.FromSeconds(5)).Token))
        {
            handedOver.Add(update);
        }

        Assert.Equal(FaxJobState.InProgress, Assert.Single(handedOver).Status.State);
        Assert.True(channel.Completion.IsCompleted);
        Assert.Equal(1, tracker.Count);
        await Assert.ThrowsAsync<InvalidOperationException>(async () =>
        {
            using var again = new CancellationTokenSource();
            var first = tracker.RunAsync(again.Token);
            try
            {
                await tracker.RunAsync(again.Token);
            }
            finally
            {
                await again.CancelAsync();
                await Assert.ThrowsAnyAsync<OperationCanceledException>(() => first);
            }
        });
    }

    private static int CountChannel(System.Threading.Channels.ChannelReader<FaxJobUpdate> reader)
    {
        var count = 0;
        while (reader.TryRead(out _))
        {
            count++;
        }

        return count;
    }
}
