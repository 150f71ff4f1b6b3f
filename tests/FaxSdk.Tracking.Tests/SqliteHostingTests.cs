using System.Collections.Concurrent;
using FaxSdk.Tracking.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace FaxSdk.Tracking.Tests;

/// <summary><c>AddTracking(t =&gt; t.UseSqlite(path))</c>: the registration, and the hosted worker following jobs in the file.</summary>
public sealed class SqliteHostingTests : IDisposable
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);
    private readonly string _directory = Directory.CreateTempSubdirectory("faxsdk-sqlite-host-").FullName;

    private string FilePath => Path.Combine(_directory, "faxes.db");

    [Fact]
    public async Task UseSqlite_registers_one_store_over_the_full_path()
    {
        await using var services = Build(t => t.UseSqlite(FilePath, TimeSpan.FromSeconds(7)));

        var store = Assert.IsType<FaxSqliteTrackingStore>(services.GetRequiredService<IFaxTrackingStore>());

        Assert.Equal(FilePath, store.Path);
        Assert.Equal(TimeSpan.FromSeconds(7), store.BusyTimeout);
        Assert.Same(store, services.GetRequiredService<IFaxTrackingStore>());
    }

    [Fact]
    public async Task UseSqlite_replaces_a_store_chosen_before_and_refuses_bad_arguments()
    {
        await using var services = Build(t => t.UseInMemory().UseSqlite(FilePath));

        Assert.IsType<FaxSqliteTrackingStore>(services.GetRequiredService<IFaxTrackingStore>());
        Assert.Throws<ArgumentOutOfRangeException>(() => Build(t => t.UseSqlite(FilePath, TimeSpan.FromSeconds(-1))));
        Assert.Throws<ArgumentException>(() => Build(t => t.UseSqlite(" ")));
    }

    [Fact]
    public async Task The_hosted_worker_follows_tracked_jobs_in_the_file_to_their_final_state_and_delivers_each_completion()
    {
        var recorder = new CompletionRecorder(expected: 30);
        await using (var services = Build(t => t.UseSqlite(FilePath).AddCompletionHandler<RecordingHandler>().Configure(o =>
        {
            o.WorkerName = "host-1";
            o.IdleDelay = TimeSpan.FromMilliseconds(20);
        }), recorder))
        {
            await services.GetRequiredService<IFaxTrackingStore>().MigrateAsync();
            var jobs = Enumerable.Range(0, 30).Select(i => new FaxJobReference("canned", $"job-{i:D2}")).ToList();
            Assert.Equal(30, await services.GetRequiredService<IFaxJobTracking>().TrackAsync(jobs));
            Assert.Equal(0, await services.GetRequiredService<IFaxJobTracking>().TrackAsync(jobs[..5]));

            var hosted = services.GetServices<IHostedService>().ToList();
            foreach (var service in hosted)
            {
                await service.StartAsync(CancellationToken.None);
            }

            await recorder.AllSeen.Task.WaitAsync(Bound); // a bound for the worker, not a timing assertion
            foreach (var service in hosted)
            {
                await service.StopAsync(CancellationToken.None);
            }
        }

        // A restart: a new store over the file sees every job final and every completion handled.
        using var reopened = new FaxSqliteTrackingStore(FilePath);
        await reopened.MigrateAsync();
        var counts = await reopened.CountAsync(DateTimeOffset.UtcNow);
        Assert.Equal(30, counts.Total);
        Assert.Equal(30, counts.Final);
        Assert.Equal(0, counts.CompletionsPending);
        Assert.Equal(30, recorder.Seen.Distinct().Count());
        await foreach (var job in reopened.ListAsync())
        {
            Assert.Equal(FaxJobState.Succeeded, job.Status!.State);
        }
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static ServiceProvider Build(Action<FaxTrackingBuilder> tracking, CompletionRecorder? recorder = null)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddFaxSdk().AddTracking(tracking);
        services.AddSingleton<IFaxStatusProviderResolver>(new CannedResolver());
        services.AddSingleton(recorder ?? new CompletionRecorder(0));
        return services.BuildServiceProvider();
    }

    private sealed class CompletionRecorder(int expected)
    {
        public ConcurrentBag<FaxJobReference> Seen { get; } = [];

        public TaskCompletionSource AllSeen { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Record(FaxJobReference job)
        {
            Seen.Add(job);
            if (Seen.Distinct().Count() >= expected)
            {
                AllSeen.TrySetResult();
            }
        }
    }

    private sealed class RecordingHandler(CompletionRecorder recorder) : IFaxJobCompletionHandler
    {
        public Task HandleAsync(FaxJobUpdate completion, CancellationToken cancellationToken)
        {
            Assert.True(completion.IsCompleted);
            recorder.Record(completion.Job);
            return Task.CompletedTask;
        }
    }

    /// <summary>One provider, <c>canned</c>, whose every job has succeeded.</summary>
    private sealed class CannedResolver : IFaxStatusProviderResolver, IFaxStatusProvider
    {
        public string ProviderId => "canned";

        public string InstanceName => FaxJobReference.DefaultInstance;

        public IReadOnlyCollection<FaxProviderRegistration> Registrations => [new FaxProviderRegistration(ProviderId, InstanceName, _ => this)];

        public IFaxStatusProvider GetProvider(string providerId, string instanceName = FaxJobReference.DefaultInstance) => this;

        public Task<FaxJobStatus> GetStatusAsync(FaxJobReference job, CancellationToken cancellationToken = default) =>
            Task.FromResult(new FaxJobStatus { Provider = job.Provider, JobId = job.JobId, State = FaxJobState.Succeeded, ProviderStatus = "done" });
    }
}
