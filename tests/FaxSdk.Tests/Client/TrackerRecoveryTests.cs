
namespace FaxSdk.Tests.Client;

/// <summary>What happens after a handler throws, a run ends or a report was deleted: nothing is stranded, lost or reverted.</summary>
public class TrackerRecoveryTests : VirtualTimeClientTests
{
    [Fact]
    public async Task A_handler_that_throws_leaves_the_job_tracked_and_the_next_run_delivers_it_again()
    {
        var single = new ScriptedProvider("single");
        single.Script("a", FaxJobState.Succeeded);
        single.Script("b", FaxJobState.Failed);
        var tracker = Client(single).CreateTracker(new FaxTrackerOptions { StopWhenAllCompleted = true });
        var delivered = new List<string>();
        var fail = true;
        tracker.JobCompleted += (_, u) =>
        {
            if (fail && u.Job.JobId == "a")
            {
                throw new InvalidOperationException("storage down");
            }

            delivered.Add(u.Job.JobId);
        };
        tracker.Track([new FaxJobReference("single", "a"), new FaxJobReference("single", "b")]);

        await Assert.ThrowsAsync<InvalidOperationException>(() => Clock.AdvanceUntilCompletedAsync(tracker.RunAsync(), TimeSpan.FromMilliseconds(250)));
        Assert.Equal(2, tracker.Count);

        fail = false;
        await Clock.AdvanceUntilCompletedAsync(tracker.RunAsync(), TimeSpan.FromMilliseconds(250), maxSteps: 200);

        Assert.Equal(0, tracker.Count);
        Assert.Equal(["a", "b"], delivered.Order());
    }

    [Fact]
    public async Task A_final_status_from_the_feed_is_never_reported_non_final_by_the_client_afterwards()
    {
        var feed = new ScriptedFeedProvider("feed");
        feed.Script("f", FaxJobState.Pending);   // once the report is deleted the provider says "no report yet"
        feed.Publish("f", FaxJobState.Succeeded);
        var client = Client(feed);
        var tracker = client.CreateTracker(new FaxTrackerOptions { StopWhenAllCompleted = true });
        tracker.Track(new FaxJobReference("feed", "f"));

        await Clock.AdvanceUntilCompletedAsync(tracker.RunAsync(), TimeSpan.FromMilliseconds(250));

        Assert.Equal(0, feed.OnServer);
        Assert.Equal(FaxJobState.Succeeded, (await client.GetStatusAsync(new FaxJobReference("feed", "f"))).State);
    }

    [Fact]
    public async Task Each_run_hands_its_updates_to_a_channel_of_its_own()
    {
        var single = new ScriptedProvider("single");
        single.Script("a", FaxJobState.Succeeded);
        single.Script("b", FaxJobState.Canceled);
        var tracker = Client(single).CreateTracker(new FaxTrackerOptions { StopWhenAllCompleted = true });

        var first = tracker.Updates;
        tracker.Track(new FaxJobReference("single", "a"));
        await Clock.AdvanceUntilCompletedAsync(tracker.RunAsync(), TimeSpan.FromMilliseconds(250));
        var second = tracker.Updates;
        tracker.Track(new FaxJobReference("single", "b"));
        await Clock.AdvanceUntilCompletedAsync(tracker.RunAsync(), TimeSpan.FromMilliseconds(250));

        Assert.NotSame(first, second);
        Assert.Equal(["a"], await ReadAll(first));
        Assert.Equal(["b"], await ReadAll(second));
    }

    [Fact]
    public async Task A_huge_retry_after_or_timeout_does_not_crash_a_wait()
    {
        var single = new ScriptedProvider("single");
        single.Script("slow", () => throw new FaxRateLimitedException("single", "come back in 100 days") { RetryAfter = TimeSpan.FromDays(100) });
        single.Script("ok", FaxJobState.InProgress, FaxJobState.Succeeded);
        var client = Client(single);

        var limited = await Clock.AdvanceUntilCompletedAsync(client.WaitForCompletionAsync(new FaxJobReference("single", "slow"), new FaxWaitOptions { Timeout = TimeSpan.FromSeconds(10) }), TimeSpan.FromSeconds(1));
        var unbounded = await Clock.AdvanceUntilCompletedAsync(client.WaitForCompletionAsync(new FaxJobReference("single", "ok"), new FaxWaitOptions { Timeout = TimeSpan.MaxValue }), TimeSpan.FromMilliseconds(250));

        Assert.Equal(FaxWaitOutcome.TimedOut, limited.Outcome);
        Assert.Equal(FaxWaitOutcome.Completed, unbounded.Outcome);
    }

    private static async Task<List<string>> ReadAll(System.Threading.Channels.ChannelReader<FaxJobUpdate> reader)
    {
        var ids = new List<string>();
        await foreach (var update in reader.ReadAllAsync().WithCancellation(new CancellationTokenSource(TimeSpan.FromSeconds(5)).Token))
        {
            ids.Add(update.Job.JobId);
        }

        return ids;
    }
}
