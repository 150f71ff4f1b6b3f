using System.Collections.Concurrent;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace FaxSdk.Tests.Client;

public class FaxStatusClientTests
{
    [Fact]
    public async Task A_job_reported_final_is_never_reported_non_final_again()
    {
        var provider = new ScriptedProvider("p");
        provider.Script("j", FaxJobState.InProgress, FaxJobState.Succeeded, FaxJobState.Unknown, FaxJobState.InProgress);
        var client = new FaxStatusClient(new StaticResolver(provider));
        var job = new FaxJobReference("p", "j");

        var states = new List<FaxJobState>();
        for (var i = 0; i < 4; i++)
        {
            states.Add((await client.GetStatusAsync(job)).State);
        }

        Assert.Equal([FaxJobState.InProgress, FaxJobState.Succeeded, FaxJobState.Succeeded, FaxJobState.Succeeded], states);
    }

    [Fact]
    public async Task The_memory_of_final_statuses_is_bounded_oldest_first()
    {
        var provider = new ScriptedProvider("p");
        foreach (var id in new[] { "a", "b", "c" })
        {
            provider.Script(id, FaxJobState.Failed, FaxJobState.InProgress);
        }

        var client = new FaxStatusClient(new StaticResolver(provider), new FaxStatusClientOptions { TerminalStatusCapacity = 2 });
        foreach (var id in new[] { "a", "b", "c" })
        {
            await client.GetStatusAsync(new FaxJobReference("p", id));
        }

        Assert.Equal(FaxJobState.InProgress, (await client.GetStatusAsync(new FaxJobReference("p", "a"))).State);
        Assert.Equal(FaxJobState.Failed, (await client.GetStatusAsync(new FaxJobReference("p", "c"))).State);
    }

    [Fact]
    public async Task Many_jobs_are_grouped_by_provider_batched_where_possible_and_answered_in_order()
    {
        var single = new ScriptedProvider("single");
        var batch = new ScriptedBatchProvider("batch");
        foreach (var i in Enumerable.Range(0, 5))
        {
            single.Script($"s{i}", FaxJobState.InProgress);
            batch.Script($"b{i}", FaxJobState.Succeeded);
        }

        single.Script("boom", () => throw new FaxProviderUnavailableException("single", "down"));
        var client = new FaxStatusClient(new StaticResolver(single, batch));
        var jobs = Enumerable.Range(0, 5).SelectMany(i => new[] { new FaxJobReference("batch", $"b{i}"), new FaxJobReference("single", $"s{i}") })
            .Append(new FaxJobReference("single", "boom")).ToList();

        var results = await client.GetStatusesAsync(jobs);

        Assert.Equal(jobs, results.Select(r => r.Job));
        Assert.Single(batch.Batches);
        Assert.Empty(batch.Calls);
        Assert.Equal(5, single.Calls.Count(c => c.JobId.StartsWith('s')));
        Assert.All(results.Take(10), r => Assert.True(r.IsSuccess));
        Assert.IsType<FaxProviderUnavailableException>(results[^1].Error);
        Assert.Null(results[^1].Status);
    }

    [Fact]
    public async Task Requests_to_one_provider_never_exceed_the_concurrency_limit()
    {
        // Each call waits at its own gate until the test opens it, so the calls in flight are exactly those started and not yet released.
        var gates = new ConcurrentQueue<TaskCompletionSource>();
        var provider = new ScriptedProvider("p")
        {
            Gate = _ =>
            {
                var gate = new TaskCompletionSource();
                gates.Enqueue(gate);
                return gate.Task;
            },
        };
        foreach (var i in Enumerable.Range(0, 24))
        {
            provider.Script($"j{i}", FaxJobState.InProgress);
        }

        var client = new FaxStatusClient(new StaticResolver(provider), new FaxStatusClientOptions { MaxConcurrencyPerProvider = 3 });

        // Off xunit's synchronisation context (Task.Run), so a released call goes on inside SetResult and starts the next one.
        var (results, inFlight, released) = await Task.Run(async () =>
        {
            var reading = client.GetStatusesAsync(Enumerable.Range(0, 24).Select(i => new FaxJobReference("p", $"j{i}")));
            var seen = new List<int>();
            var opened = 0;
            for (var i = 0; i < 10_000 && !reading.IsCompleted; i++)
            {
                if (gates.TryDequeue(out var gate))
                {
                    seen.Add(provider.Calls.Count - opened);
                    opened++;
                    gate.SetResult();
                }
                else
                {
                    await Task.Yield(); // a call the limit held back may start on another thread
                }
            }

            Assert.True(reading.IsCompleted, $"{opened} calls released, {provider.Calls.Count} started");
            return (await reading, seen, opened);
        });

        Assert.Equal(24, results.Count);
        Assert.Equal(24, provider.Calls.Count);
        Assert.Equal(24, released);
        Assert.Equal(3, provider.MaxInFlight);
        Assert.Equal(3, inFlight[0]);
        Assert.All(inFlight, n => Assert.InRange(n, 1, 3));
    }

    [Fact]
    public async Task An_unconfigured_provider_is_a_clear_error()
    {
        var client = new FaxStatusClient(new StaticResolver(new ScriptedProvider("p")));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => client.GetStatusAsync(new FaxJobReference("nope", "1")));

        Assert.Contains("'nope'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Applications_can_fake_the_client_in_their_tests()
    {
        FaxStatusClient fake = new CannedClient();

        var status = await fake.GetStatusAsync(new FaxJobReference("any", "42"));
        var waited = await fake.WaitForCompletionAsync(new FaxJobReference("any", "42"));

        Assert.Equal(FaxJobState.Succeeded, status.State);
        Assert.True(waited.IsCompleted);
    }

    [Fact]
    public void Options_out_of_range_are_refused_at_construction()
    {
        var resolver = new StaticResolver();
        Assert.Throws<ArgumentOutOfRangeException>(() => new FaxStatusClient(resolver, new FaxStatusClientOptions { MaxConcurrencyPerProvider = 0 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new FaxStatusClient(resolver, new FaxStatusClientOptions { Polling = new FaxPollingSchedule { MinimumInterval = TimeSpan.FromSeconds(5), MaximumInterval = TimeSpan.FromSeconds(1) } }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new FaxStatusClient(resolver, new FaxStatusClientOptions { Polling = new FaxPollingSchedule { JitterRatio = 2 } }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new FaxStatusClient(resolver, new FaxStatusClientOptions { ErrorPolicy = new FaxPollErrorPolicy { MaxNotFoundPolls = 0 } }));
    }

    [Fact]
    public void The_client_is_registered_and_reads_its_settings_from_configuration()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["FaxSdk:Client:MaxConcurrencyPerProvider"] = "7",
            ["FaxSdk:Client:Polling:MinimumInterval"] = "00:00:03",
            ["FaxSdk:Client:Polling:MaximumInterval"] = "00:02:00",
            ["FaxSdk:Client:Polling:JitterRatio"] = "0.1",
            ["FaxSdk:Client:ErrorPolicy:MaxNotFoundPolls"] = "9",
        }).Build();
        var clock = new FakeTimeProvider();
        var services = new ServiceCollection().AddSingleton<TimeProvider>(clock);
        services.AddFaxSdk(configuration);

        using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<FaxStatusClient>();

        Assert.Same(client, provider.GetRequiredService<FaxStatusClient>());
        Assert.Same(clock, client.TimeProvider);
        Assert.Equal(7, client.Options.MaxConcurrencyPerProvider);
        Assert.Equal(new FaxPollingSchedule { MinimumInterval = TimeSpan.FromSeconds(3), MaximumInterval = TimeSpan.FromMinutes(2), JitterRatio = 0.1 }, client.Options.Polling);
        Assert.Equal(9, client.Options.ErrorPolicy.MaxNotFoundPolls);
    }

    private sealed class CannedClient : FaxStatusClient
    {
        private static FaxJobStatus Done(FaxJobReference job) => new() { Provider = job.Provider, JobId = job.JobId, State = FaxJobState.Succeeded };

        public override Task<FaxJobStatus> GetStatusAsync(FaxJobReference job, CancellationToken cancellationToken = default) => Task.FromResult(Done(job));

        public override Task<FaxWaitResult> WaitForCompletionAsync(FaxJobReference job, FaxWaitOptions? options = null, CancellationToken cancellationToken = default) =>
            Task.FromResult(new FaxWaitResult { Job = job, Outcome = FaxWaitOutcome.Completed, Status = Done(job), ResumeState = new FaxWaitState { Job = job, LastStatus = Done(job) } });
    }
}
