using System.Collections.Concurrent;
using FaxSdk.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FaxSdk.Providers.Tests.Client;

/// <summary>The client, the tracker and the resilience pipeline against the emulator injecting faults at 30 % on every provider.</summary>
public class FaultToleranceTests
{
    private static readonly string[] Sections = ["Phaxio", "StoneFax", "Pantarey", "Concord", "Retarus"];

    private static FaxEmulatorOptions Faulty(int seed) => new() { Faults = new EmulatorFaults { Rate = 0.3, Seed = seed } };

    /// <summary>More retries than the default, so that a 30 % fault rate rarely exhausts one call, and a wait that rides out the rest.</summary>
    private static Dictionary<string, string?> Patient() => Sections.ToDictionary(s => $"FaxSdk:{s}:Resilience:MaxRetryAttempts", _ => (string?)"6");

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public async Task Every_seeded_job_reaches_its_expected_final_state_through_WaitForCompletionAsync(int seed)
    {
        var logs = new ConcurrentQueue<string>();
        await using var fixture = await ClientFixture.StartAsync(Faulty(seed), Patient(), s => s.AddLogging(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(new ListLoggerProvider(logs))));
        var jobs = fixture.Emulator.SeedDefaultJobs();

        var waits = jobs.Select(j => fixture.Client.WaitForCompletionAsync(ClientFixture.Reference(j), new FaxWaitOptions { Timeout = TimeSpan.FromMinutes(10), MaxConsecutiveErrors = 50 })).ToList();
        var results = await fixture.DriveAsync(Task.WhenAll(waits));

        Assert.All(results.Zip(jobs), pair => Assert.Equal((pair.Second.Provider, pair.Second.JobId, pair.Second.ExpectedFinalState), (pair.Second.Provider, pair.Second.JobId, pair.First.Status!.State)));
        Assert.True(fixture.Emulator.InjectedFaults.Select(f => f.Provider).Distinct().Count() == 5, "every provider had faults injected");
        Assert.True(fixture.Emulator.InjectedFaults.Select(f => f.Kind).Distinct().Count() >= 6, "most fault kinds were injected");
        AssertNoCredential(fixture.Emulator, logs);
    }

    [Fact]
    public async Task Every_seeded_job_reaches_its_expected_final_state_through_the_tracker()
    {
        var logs = new ConcurrentQueue<string>();
        await using var fixture = await ClientFixture.StartAsync(Faulty(3), Patient(), s => s.AddLogging(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(new ListLoggerProvider(logs))));
        var jobs = fixture.Emulator.SeedDefaultJobs();
        var tracker = fixture.Client.CreateTracker(new FaxTrackerOptions { StopWhenAllCompleted = true, FeedInterval = TimeSpan.FromSeconds(1) });
        var completed = new ConcurrentDictionary<string, FaxJobState>();
        tracker.JobCompleted += (_, u) => Assert.True(completed.TryAdd($"{u.Job.Provider}:{u.Job.JobId}", u.Status.State), $"{u.Job} completed twice");
        tracker.Track(jobs.Select(ClientFixture.Reference));

        await fixture.DriveAsync(tracker.RunAsync().ContinueWith(t => t.IsCompletedSuccessfully, TaskScheduler.Default));

        Assert.Equal(jobs.ToDictionary(j => $"{j.Provider}:{j.JobId}", j => j.ExpectedFinalState).OrderBy(p => p.Key), completed.OrderBy(p => p.Key));
        AssertNoCredential(fixture.Emulator, logs);
    }

    [Theory]
    [InlineData("phaxio", "missing-1")]
    [InlineData("stonefax", "missing-2")]
    [InlineData("pantarey", "missing-3")]
    public async Task A_not_found_answer_is_never_retried_only_faults_are(string provider, string jobId)
    {
        // Faults are retried until the answer comes: a total timeout longer than any run of retries (seven 10 s attempts
        // and their delays), so the outcome never depends on how the faults fall on the clock.
        var patient = Patient();
        foreach (var section in Sections)
        {
            patient[$"FaxSdk:{section}:Resilience:TotalTimeout"] = "00:10:00";
        }

        await using var fixture = await ClientFixture.StartAsync(Faulty(4), patient);

        await Assert.ThrowsAsync<FaxJobNotFoundException>(() => fixture.DriveAsync(fixture.Client.GetStatusAsync(new FaxJobReference(provider, jobId))));

        var requests = fixture.Emulator.Requests.Where(r => r.Provider == provider).ToList();
        Assert.Single(requests, r => r.Fault is null);
    }

    private static void AssertNoCredential(FaxEmulator emulator, IEnumerable<string> logs)
    {
        var c = emulator.Credentials;
        string[] secrets = [c.PhaxioApiKey, c.PhaxioApiSecret, c.StoneFaxPassword, c.PantareyBearerToken, c.ConcordAccessToken, c.ConcordPin, c.RetarusPassword];
        var all = string.Join('\n', logs);
        Assert.NotEmpty(all);
        Assert.All(secrets, secret => Assert.DoesNotContain(secret, all, StringComparison.Ordinal));
    }
}
