using FaxSdk.Testing;

namespace FaxSdk.Providers.Tests.EndToEnd;

/// <summary><see cref="FaxEmulator.GenerateJobs"/>: many jobs, deterministic from a seed, each reaching the state it announces.</summary>
public class GeneratedJobsTests
{
    [Fact]
    public void The_same_seed_gives_the_same_jobs_and_another_seed_other_lifecycles_for_the_same_ids()
    {
        var first = FaxEmulator.GenerateJobs(200, seed: 7);
        var again = FaxEmulator.GenerateJobs(200, seed: 7);
        var other = FaxEmulator.GenerateJobs(200, seed: 8);

        Assert.Equal(Describe(first), Describe(again));
        Assert.Equal(first.Select(j => (j.Provider, j.JobId)), other.Select(j => (j.Provider, j.JobId)));
        Assert.NotEqual(first.Select(j => j.ExpectedFinalState), other.Select(j => j.ExpectedFinalState));
    }

    [Fact]
    public void Each_provider_gets_the_count_asked_for_with_unique_ids_none_of_them_a_default_jobs_id()
    {
        var jobs = FaxEmulator.GenerateJobs(1_500, seed: 3);
        var defaults = FaxEmulator.DefaultJobs().Select(j => (j.Provider, j.JobId)).ToHashSet();

        Assert.Equal(FaxEmulator.Providers, jobs.Select(j => j.Provider).Distinct());
        Assert.All(FaxEmulator.Providers, p => Assert.Equal(1_500, jobs.Count(j => j.Provider == p)));
        Assert.Equal(jobs.Count, jobs.Select(j => (j.Provider, j.JobId)).Distinct().Count());
        Assert.DoesNotContain(jobs, j => defaults.Contains((j.Provider, j.JobId)));
        Assert.DoesNotContain(jobs, j => j.IsTest);
        Assert.All(jobs, j => Assert.DoesNotContain(' ', j.JobId));
    }

    [Fact]
    public void Every_final_state_a_provider_can_reach_occurs_among_enough_jobs()
    {
        var jobs = FaxEmulator.GenerateJobs(300, seed: 11);

        foreach (var provider in FaxEmulator.Providers)
        {
            var reachable = FaxEmulator.DefaultJobs().Where(j => j.Provider == provider).Select(j => j.ExpectedFinalState).ToHashSet();
            var generated = jobs.Where(j => j.Provider == provider).Select(j => j.ExpectedFinalState).ToHashSet();
            Assert.True(reachable.SetEquals(generated), $"{provider}: reachable {string.Join(",", reachable)}, generated {string.Join(",", generated)}");
        }
    }

    [Fact]
    public void The_step_scales_every_script_and_its_pause()
    {
        var slow = FaxEmulator.GenerateJobs(50, seed: 5);
        var fast = FaxEmulator.GenerateJobs(50, seed: 5, TimeSpan.FromMilliseconds(100));

        Assert.All(slow.Zip(fast), pair =>
        {
            Assert.Equal(pair.First.ExpectedFinalState, pair.Second.ExpectedFinalState);
            Assert.Equal(pair.First.Duration / 10, pair.Second.Duration);
            Assert.Equal(pair.First.Paused?.Until / 10, pair.Second.Paused?.Until);
        });
        Assert.Contains(fast, j => j.Paused is not null);
        Assert.True(fast.Max(j => j.Duration) <= TimeSpan.FromMilliseconds(700));
    }

    [Theory]
    [InlineData(-1, 1.0)]
    [InlineData(1_000_001, 1.0)]
    [InlineData(1, 0.0)]
    [InlineData(1, -1.0)]
    public void Out_of_range_arguments_are_refused(int count, double stepSeconds) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => FaxEmulator.GenerateJobs(count, 0, TimeSpan.FromSeconds(stepSeconds)));

    [Fact]
    public async Task Seeded_jobs_are_served_and_each_ends_in_the_state_it_announces()
    {
        await using var fixture = await EmulatorFixture.StartAsync();
        var jobs = fixture.Emulator.SeedGeneratedJobs(12, seed: 9, TimeSpan.FromMilliseconds(200));
        Assert.Equal(jobs, fixture.Emulator.Jobs);

        fixture.Clock.Advance(TimeSpan.FromSeconds(2));
        foreach (var job in jobs)
        {
            var status = await fixture.StatusAsync(job);
            Assert.True(status.IsTerminal, $"{job.Provider}:{job.JobId} is {status.State}");
            Assert.Equal(job.ExpectedFinalState, status.State);
        }

        Assert.Throws<InvalidOperationException>(() => fixture.Emulator.SeedGeneratedJobs(1, seed: 9));
    }

    private static IEnumerable<string> Describe(IEnumerable<EmulatedJob> jobs) =>
        jobs.Select(j => $"{j.Provider} {j.JobId} {j.ExpectedFinalState} {j.Duration} {j.Recipients.Count} {string.Join(",", j.DataCenters)} {j.Paused}");
}
