using System.Collections.Concurrent;

namespace FaxSdk.Tracking.PostgreSql.Tests;

/// <summary>Several <see cref="FaxTrackingWorker"/>s on one PostgreSQL store, each with its own connections, as separate processes would be.</summary>
public sealed class SharedWorkersTests(PostgreSqlServerFixture server) : PostgreSqlDatabaseTest(server)
{
    [Fact]
    public async Task Three_workers_finish_every_job_in_its_scripted_state_when_one_stops_in_the_middle()
    {
        var setup = await NewMigratedStoreAsync();
        var jobs = Enumerable.Range(0, 300).Select(i => new FaxJobReference(ScriptedFinalProvider.Id, $"job-{i:D3}")).ToList();
        await setup.AddAsync(jobs, DateTimeOffset.UtcNow);
        var provider = new ScriptedFinalProvider();
        var handled = new ConcurrentDictionary<FaxJobReference, FaxJobState>();
        var handler = new RecordingHandler(handled);
        var workers = Enumerable.Range(0, 3).Select(i => new FaxTrackingWorker(
            new FaxStatusClient(new SingleProviderResolver(provider)),
            NewStore(),
            new FaxTrackingOptions
            {
                WorkerName = $"worker-{i}",
                BatchSize = 10,
                LeaseDuration = TimeSpan.FromSeconds(3),
                PollTimeout = TimeSpan.FromSeconds(2),
                IdleDelay = TimeSpan.FromMilliseconds(50),
                StopWhenIdle = true,
                Schedule = new FaxPollingSchedule { MinimumInterval = TimeSpan.FromMilliseconds(10), MaximumInterval = TimeSpan.FromMilliseconds(50), JitterRatio = 0 },
            },
            [handler])).ToList();

        // The first worker stops (its process "dies") once it has polled a few batches, leaving whatever it holds leased.
        using var stopFirst = new CancellationTokenSource();
        provider.Polled += (_, count) =>
        {
            if (count == 60)
            {
                stopFirst.Cancel();
            }
        };
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var first = workers[0].RunAsync(CancellationTokenSource.CreateLinkedTokenSource(stopFirst.Token, limit.Token).Token);
        var others = workers.Skip(1).Select(w => w.RunAsync(limit.Token)).ToList();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => first);
        await Task.WhenAll(others);

        var stored = new List<FaxTrackedJob>();
        await foreach (var job in setup.ListAsync())
        {
            stored.Add(job);
        }

        Assert.Equal(jobs.Count, stored.Count);
        Assert.All(stored, job =>
        {
            Assert.Equal(ScriptedFinalProvider.FinalStateOf(job.Job.JobId), job.Status!.State);
            Assert.True(job.CompletionHandled);
            Assert.Null(job.LeaseOwner);
        });
        Assert.Equal(jobs.Count, handled.Count);
        Assert.All(handled, h => Assert.Equal(ScriptedFinalProvider.FinalStateOf(h.Key.JobId), h.Value));
        var counts = await setup.CountAsync(DateTimeOffset.UtcNow);
        Assert.Equal(0, counts.CompletionsPending);
        Assert.Equal(jobs.Count, counts.Final);
    }

    /// <summary>Answers "in progress" to a job's first poll and its scripted final state afterwards.</summary>
    private sealed class ScriptedFinalProvider : IFaxStatusProvider
    {
        public const string Id = "scripted";
        private readonly ConcurrentDictionary<string, int> _polls = new();
        private int _total;

        public event EventHandler<int>? Polled;

        public string ProviderId => Id;

        public string InstanceName => FaxJobReference.DefaultInstance;

        public static FaxJobState FinalStateOf(string jobId) => (int.Parse(jobId.AsSpan(4), System.Globalization.CultureInfo.InvariantCulture) % 3) switch
        {
            0 => FaxJobState.Succeeded,
            1 => FaxJobState.Failed,
            _ => FaxJobState.Canceled,
        };

        public Task<FaxJobStatus> GetStatusAsync(FaxJobReference job, CancellationToken cancellationToken = default)
        {
            var poll = _polls.AddOrUpdate(job.JobId, 1, (_, n) => n + 1);
            Polled?.Invoke(this, Interlocked.Increment(ref _total));
            var state = poll == 1 ? FaxJobState.InProgress : FinalStateOf(job.JobId);
            return Task.FromResult(new FaxJobStatus
            {
                Provider = Id,
                JobId = job.JobId,
                State = state,
                ProviderStatus = state.ToString().ToLowerInvariant(),
                Error = state == FaxJobState.Failed ? new FaxError(FaxFailureCategory.Busy, "17", "busy") : null,
            });
        }
    }

    private sealed class SingleProviderResolver(IFaxStatusProvider provider) : IFaxStatusProviderResolver
    {
        public IReadOnlyCollection<FaxProviderRegistration> Registrations => [new FaxProviderRegistration(provider.ProviderId, provider.InstanceName, _ => provider)];

        public IFaxStatusProvider GetProvider(string providerId, string instanceName = FaxJobReference.DefaultInstance) =>
            providerId == provider.ProviderId && instanceName == provider.InstanceName
                ? provider
                : throw new InvalidOperationException($"No provider '{providerId}'.");
    }

    private sealed class RecordingHandler(ConcurrentDictionary<FaxJobReference, FaxJobState> handled) : IFaxJobCompletionHandler
    {
        public Task HandleAsync(FaxJobUpdate completion, CancellationToken cancellationToken)
        {
            handled[completion.Job] = completion.Status.State;
            return Task.CompletedTask;
        }
    }
}
