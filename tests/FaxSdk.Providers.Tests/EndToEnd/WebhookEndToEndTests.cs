using System.Collections.Concurrent;
using FaxSdk.Testing;

namespace FaxSdk.Providers.Tests.EndToEnd;

/// <summary>
/// Issue 14's "done when": a real Kestrel host with MapFaxWebhooks and the emulator pushing to it under push faults,
/// a FaxJobTracker following the jobs. Every seeded job of a provider that pushes reaches its scripted final state
/// through pushes alone (polling effectively off); and with pushes lost and polling on, every seeded job reaches it.
/// </summary>
public class WebhookEndToEndTests
{
    [Fact]
    public async Task Every_job_reaches_its_final_state_through_pushes_alone_under_duplicates_late_events_and_forged_copies()
    {
        var faults = new EmulatorFaults
        {
            PushRate = 0.5,
            Seed = 14,
            PushKinds = [EmulatedPushFault.Duplicate, EmulatedPushFault.OutOfOrder, EmulatedPushFault.BadSignature],
        };
        await using var fixture = await WebhookHostFixture.StartAsync(faults);
        var jobs = fixture.Emulator.SeedDefaultJobs().Where(j => j.Provider != "stonefax").ToList(); // StoneFax has no push
        var end = fixture.Clock.GetUtcNow() + jobs.Max(j => j.Duration) + TimeSpan.FromSeconds(1);

        // Polling effectively off: the tracker's safety net and report feed come a day later; only the pushes (and
        // the one read that confirms an unsigned final state) can complete a job within the test's minutes.
        var (run, completed) = Track(fixture, jobs, new FaxTrackerOptions
        {
            StopWhenAllCompleted = true,
            PushSafetyNetInterval = TimeSpan.FromDays(1),
            FeedInterval = TimeSpan.FromDays(1),
        });
        await fixture.DriveUntilAsync(() => run.IsCompleted && fixture.Clock.GetUtcNow() >= end);
        await run;
        await fixture.Emulator.WhenPushesSentAsync();
        await fixture.Host.StopAsync(); // hands every queued push to the client before it returns

        Assert.True(fixture.Clock.GetUtcNow() < end + TimeSpan.FromHours(12), "completed before any safety-net poll or feed read");
        Assert.Equal(Expected(jobs), completed.OrderBy(p => p.Key));
        Assert.Equal(
            [EmulatedPushFault.Duplicate, EmulatedPushFault.OutOfOrder, EmulatedPushFault.BadSignature],
            fixture.Emulator.InjectedPushFaults.Select(f => f.Kind).Distinct().Order());
        foreach (var job in jobs)
        {
            // Duplicates and late events published nothing after the final state, and it is the scripted one.
            var updates = Updates(fixture, job);
            Assert.True(updates.Count(u => u.Status.IsTerminal) == 1, $"{job.Provider} {job.JobId}: {string.Join(" → ", updates.Select(u => u.Status.State))}");
            Assert.True(updates[^1].Status.IsTerminal, $"{job.Provider} {job.JobId}: nothing after the final state ({string.Join(" → ", updates.Select(u => u.Status.State))})");
            Assert.Equal(job.ExpectedFinalState, updates[^1].Status.State);
        }

        // Forged copies were refused; every genuine push, duplicate and late event was accepted.
        var pushes = fixture.Emulator.Pushes;
        Assert.Contains(pushes, p => p.Fault == EmulatedPushFault.BadSignature);
        Assert.All(pushes, p => Assert.Equal(p.Fault == EmulatedPushFault.BadSignature ? 401 : 200, p.StatusCode));
        Assert.Contains(pushes, p => p.Fault == EmulatedPushFault.OutOfOrder && pushes.Any(f => f.JobId == p.JobId && f.IsFinal && f.StatusCode == 200));

        // Phaxio (signed) was read only by the tracker's first look at each job, before any was final; Concord and
        // Pantarey (unsigned) besides that at most once per final push accepted, to confirm it.
        Assert.InRange(fixture.Emulator.Requests.Count(r => r.Provider == "phaxio"), 0, jobs.Count(j => j.Provider == "phaxio"));
        foreach (var provider in new[] { "concord", "pantarey" })
        {
            var finals = pushes.Count(p => p.Provider == provider && p.IsFinal && p.StatusCode == 200);
            Assert.InRange(fixture.Emulator.Requests.Count(r => r.Provider == provider), 1, finals + jobs.Count(j => j.Provider == provider));
        }
    }

    [Fact]
    public async Task With_pushes_lost_polling_completes_every_job_once_in_its_final_state()
    {
        var faults = new EmulatorFaults { PushRate = 0.5, Seed = 14 }; // all push fault kinds, lost pushes included
        await using var fixture = await WebhookHostFixture.StartAsync(faults);
        var jobs = fixture.Emulator.SeedDefaultJobs();

        // StoneFax polled on the client's schedule; the others as a safety net every 30 s (virtual time).
        var (run, completed) = Track(fixture, jobs, new FaxTrackerOptions
        {
            StopWhenAllCompleted = true,
            PushSafetyNetInterval = TimeSpan.FromSeconds(30),
            FeedInterval = TimeSpan.FromSeconds(1),
        });
        await fixture.DriveUntilAsync(() => run.IsCompleted);
        await run;
        await fixture.Emulator.WhenPushesSentAsync();
        await fixture.Host.StopAsync();

        Assert.Equal(Expected(jobs), completed.OrderBy(p => p.Key));
        var lostFinals = fixture.Emulator.Pushes.Where(p => p.IsFinal && p.Fault == EmulatedPushFault.Lost).ToList();
        Assert.NotEmpty(lostFinals); // those jobs could only be completed by polling
        foreach (var job in jobs)
        {
            // Whatever the pushes said, they never contradicted the script.
            Assert.All(Updates(fixture, job).Where(u => u.Status.IsTerminal), u => Assert.Equal(job.ExpectedFinalState, u.Status.State));
        }
    }

    /// <summary>Starts a tracker following the jobs; each completion is recorded once (a second one fails the test).</summary>
    private static (Task Run, ConcurrentDictionary<string, FaxJobState> Completed) Track(WebhookHostFixture fixture, IEnumerable<EmulatedJob> jobs, FaxTrackerOptions options)
    {
        var tracker = fixture.Client.CreateTracker(options);
        var completed = new ConcurrentDictionary<string, FaxJobState>();
        var twice = new ConcurrentQueue<string>();
        tracker.JobCompleted += (_, u) =>
        {
            if (!completed.TryAdd($"{u.Job.Provider}:{u.Job.JobId}", u.Status.State))
            {
                twice.Enqueue(u.Job.ToString());
            }
        };
        tracker.Track(jobs.Select(j => new FaxJobReference(j.Provider, j.JobId, isTest: j.IsTest)));
        var run = tracker.RunAsync().ContinueWith(
            t =>
            {
                t.GetAwaiter().GetResult();
                Assert.Empty(twice);
            },
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
        return (run, completed);
    }

    private static IEnumerable<KeyValuePair<string, FaxJobState>> Expected(IEnumerable<EmulatedJob> jobs) =>
        jobs.ToDictionary(j => $"{j.Provider}:{j.JobId}", j => j.ExpectedFinalState).OrderBy(p => p.Key);

    private static List<FaxJobUpdate> Updates(WebhookHostFixture fixture, EmulatedJob job) =>
        [.. fixture.Pushed.Where(u => u.Job.Provider == job.Provider && u.Job.JobId == job.JobId)];
}
