using FaxSdk.Testing;

namespace FaxSdk.Providers.Tests.EndToEnd;

/// <summary>
/// Issue 14's "done when": a real Kestrel host with MapFaxWebhooks and the emulator pushing to it under push faults.
/// Every seeded job of a provider that pushes reaches its scripted final state through pushes alone; and with pushes
/// lost and polling on, every seeded job reaches it.
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
        var jobs = fixture.Emulator.SeedDefaultJobs();
        var pushing = jobs.Where(j => j.Provider != "stonefax").ToList(); // StoneFax has no push
        var end = fixture.Clock.GetUtcNow() + jobs.Max(j => j.Duration) + TimeSpan.FromSeconds(1);

        // No tracker, no polling: only the pushes (and the one read that confirms an unsigned final state).
        await fixture.DriveUntilAsync(() => pushing.All(j => Final(fixture, j) is not null) && fixture.Clock.GetUtcNow() >= end);
        await fixture.Emulator.WhenPushesSentAsync();
        await fixture.Host.StopAsync(); // hands every queued push to the client before it returns

        Assert.Equal(
            [EmulatedPushFault.Duplicate, EmulatedPushFault.OutOfOrder, EmulatedPushFault.BadSignature],
            fixture.Emulator.InjectedPushFaults.Select(f => f.Kind).Distinct().Order());
        foreach (var job in pushing)
        {
            var updates = Updates(fixture, job);
            Assert.True(updates.Count(u => u.Status.IsTerminal) == 1, $"{job.Provider} {job.JobId}: {string.Join(" → ", updates.Select(u => u.Status.State))}");
            Assert.True(updates[^1].Status.IsTerminal, $"{job.Provider} {job.JobId}: nothing after the final state ({string.Join(" → ", updates.Select(u => u.Status.State))})");
            Assert.Equal(job.ExpectedFinalState, updates[^1].Status.State);
        }

        Assert.Empty(jobs.Where(j => j.Provider == "stonefax").SelectMany(j => Updates(fixture, j)));

        // Forged copies were refused; every genuine push, duplicate and late event was accepted.
        var pushes = fixture.Emulator.Pushes;
        Assert.Contains(pushes, p => p.Fault == EmulatedPushFault.BadSignature);
        Assert.All(pushes, p => Assert.Equal(p.Fault == EmulatedPushFault.BadSignature ? 401 : 200, p.StatusCode));
        Assert.Contains(pushes, p => p.Fault == EmulatedPushFault.OutOfOrder && pushes.Any(f => f.JobId == p.JobId && f.IsFinal && f.StatusCode == 200));

        // Polling was off: Phaxio (signed) and StoneFax were never read; Concord and Pantarey (unsigned, one status
        // endpoint) at most once per final push accepted, to confirm it.
        Assert.DoesNotContain(fixture.Emulator.Requests, r => r.Provider is "phaxio" or "stonefax");
        foreach (var provider in new[] { "concord", "pantarey" })
        {
            var finals = pushes.Count(p => p.Provider == provider && p.IsFinal && p.StatusCode == 200);
            Assert.InRange(fixture.Emulator.Requests.Count(r => r.Provider == provider), 1, finals);
        }
    }

    [Fact]
    public async Task With_pushes_lost_polling_completes_every_job_once_in_its_final_state()
    {
        var faults = new EmulatorFaults { PushRate = 0.5, Seed = 14 }; // all push fault kinds, lost pushes included
        await using var fixture = await WebhookHostFixture.StartAsync(faults);
        var jobs = fixture.Emulator.SeedDefaultJobs();
        var tracker = fixture.Client.CreateTracker(new FaxTrackerOptions { StopWhenAllCompleted = true, FeedInterval = TimeSpan.FromSeconds(1) });
        var completed = new System.Collections.Concurrent.ConcurrentDictionary<string, FaxJobState>();
        tracker.JobCompleted += (_, u) => Assert.True(completed.TryAdd($"{u.Job.Provider}:{u.Job.JobId}", u.Status.State), $"{u.Job} completed twice");
        tracker.Track(jobs.Select(j => new FaxJobReference(j.Provider, j.JobId, isTest: j.IsTest)));

        var run = tracker.RunAsync();
        await fixture.DriveUntilAsync(() => run.IsCompleted);
        await run;
        await fixture.Emulator.WhenPushesSentAsync();
        await fixture.Host.StopAsync();

        Assert.Equal(jobs.ToDictionary(j => $"{j.Provider}:{j.JobId}", j => j.ExpectedFinalState).OrderBy(p => p.Key), completed.OrderBy(p => p.Key));
        var lostFinals = fixture.Emulator.Pushes.Where(p => p.IsFinal && p.Fault == EmulatedPushFault.Lost).ToList();
        Assert.NotEmpty(lostFinals); // some jobs could only be completed by polling
        foreach (var job in jobs)
        {
            // Whatever the pushes said, they never contradicted the script.
            Assert.All(Updates(fixture, job).Where(u => u.Status.IsTerminal), u => Assert.Equal(job.ExpectedFinalState, u.Status.State));
        }
    }

    private static List<FaxJobUpdate> Updates(WebhookHostFixture fixture, EmulatedJob job) =>
        [.. fixture.Pushed.Where(u => u.Job.Provider == job.Provider && u.Job.JobId == job.JobId)];

    private static FaxJobUpdate? Final(WebhookHostFixture fixture, EmulatedJob job) =>
        fixture.Pushed.FirstOrDefault(u => u.Job.Provider == job.Provider && u.Job.JobId == job.JobId && u.Status.IsTerminal);
}
