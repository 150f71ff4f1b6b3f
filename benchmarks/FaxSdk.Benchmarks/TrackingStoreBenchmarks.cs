using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using FaxSdk.Phaxio;
using FaxSdk.Tracking.PostgreSql;
using FaxSdk.Tracking.Sqlite;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace FaxSdk.Benchmarks;

/// <summary>
/// Issue 15 part 7: status updates per second through <see cref="FaxTrackingWorker"/> over each store, with canned
/// Phaxio responses (the real provider and parser, an in-process handler, no sockets): every job is final at its first
/// poll, so one job is one status update (claimed in a batch, polled, written in a batch, its completion claimed and
/// marked handled). Each iteration starts from a fresh store holding 10,000 or 100,000 due jobs and runs the worker
/// until the store is idle. Besides the time per update, each iteration prints (to the benchmark log) the process CPU
/// time per update and the store's bytes per job afterwards.
/// </summary>
/// <remarks>
/// The PostgreSQL rows need a server: set <c>FAXSDK_BENCH_POSTGRES</c> to an Npgsql connection string (each iteration
/// uses, then drops, a schema of its own). Without it those rows are absent.
/// </remarks>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 3, id: "Tracking")]
public class TrackingStoreBenchmarks
{
    private const string PostgresVariable = "FAXSDK_BENCH_POSTGRES";
    private static int _schemaCounter;
    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"faxsdk-bench-{Environment.ProcessId}");
    private readonly string _template = Encoding.UTF8.GetString(Payloads.Fixture("phaxio", "partialsuccess.json"));
    private FaxStatusClient? _client;
    private IFaxTrackingStore? _store;
    private string? _sqlitePath;
    private string? _postgresSchema;
    private int _jobs;
    private long _memoryBefore;
    private TimeSpan _cpu;

    /// <summary>The stores measured: <c>memory</c> (the baseline), <c>sqlite</c>, and <c>postgres</c> when a server is given.</summary>
    public static IEnumerable<string> Stores =>
        string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(PostgresVariable)) ? ["memory", "sqlite"] : ["memory", "sqlite", "postgres"];

    [ParamsSource(nameof(Stores))]
    public string Store { get; set; } = "memory";

    [IterationSetup(Target = nameof(Updates10k))]
    public void Setup10k() => Prepare(10_000);

    [IterationSetup(Target = nameof(Updates100k))]
    public void Setup100k() => Prepare(100_000);

    [Benchmark(OperationsPerInvoke = 10_000, Description = "10,000 jobs (per status update)")]
    public Task<long> Updates10k() => RunWorkerAsync();

    [Benchmark(OperationsPerInvoke = 100_000, Description = "100,000 jobs (per status update)")]
    public Task<long> Updates100k() => RunWorkerAsync();

    [IterationCleanup]
    public void Cleanup()
    {
        var store = _store!;
        _client = null; // the client's own memory of final statuses is not the store's
        var bytes = StoreBytes(store);
        var final = store.CountAsync(DateTimeOffset.UtcNow).GetAwaiter().GetResult().Final;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"// tracking-store store={Store} jobs={_jobs} final={final} cpu_us_per_update={_cpu.TotalMicroseconds / _jobs:F1} store_bytes_per_job={bytes / (double)_jobs:F0}"));
        (store as IDisposable)?.Dispose();
        _store = null;
        if (_sqlitePath is not null)
        {
            Directory.Delete(_directory, recursive: true);
            _sqlitePath = null;
        }

        if (_postgresSchema is not null)
        {
            Postgres($"DROP SCHEMA \"{_postgresSchema}\" CASCADE");
            _postgresSchema = null;
        }
    }

    private void Prepare(int jobs)
    {
        _jobs = jobs;
        GC.Collect();
        GC.WaitForPendingFinalizers();
        _memoryBefore = GC.GetTotalMemory(forceFullCollection: true);
        var http = new HttpClient(new CannedHandler(_template)) { BaseAddress = new Uri("https://api.phaxio.test/v2.1/") };
        var provider = new PhaxioStatusProvider(http, new PhaxioOptions { BaseAddress = http.BaseAddress, ApiKey = "key", ApiSecret = "secret" });
        _client = new FaxStatusClient(new OneProviderResolver(provider), new FaxStatusClientOptions { TerminalStatusCapacity = jobs });
        _store = Store switch
        {
            "memory" => new FaxInMemoryTrackingStore(),
            "sqlite" => new FaxSqliteTrackingStore(_sqlitePath = Path.Combine(_directory, "tracking.db")),
            "postgres" => new FaxPostgreSqlTrackingStore(
                Environment.GetEnvironmentVariable(PostgresVariable)!,
                new FaxPostgreSqlTrackingStoreOptions { Schema = _postgresSchema = $"faxsdk_bench_{Environment.ProcessId}_{Interlocked.Increment(ref _schemaCounter)}" }),
            _ => throw new InvalidOperationException($"Unknown store {Store}."),
        };
        _store.MigrateAsync().GetAwaiter().GetResult();
        var references = Enumerable.Range(1, jobs).Select(i => new FaxJobReference("phaxio", i.ToString(CultureInfo.InvariantCulture))).ToList();
        _store.AddAsync(references, DateTimeOffset.UtcNow.AddMinutes(-1)).GetAwaiter().GetResult();
    }

    private async Task<long> RunWorkerAsync()
    {
        var worker = new FaxTrackingWorker(_client!, _store!, new FaxTrackingOptions
        {
            WorkerName = "bench",
            StopWhenIdle = true,
            IdleDelay = TimeSpan.FromMilliseconds(1),
        });
        long completed = 0;
        worker.JobCompleted += (_, _) => completed++;
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        await worker.RunAsync().ConfigureAwait(false);
        _cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        return completed;
    }

    private long StoreBytes(IFaxTrackingStore store)
    {
        switch (Store)
        {
            case "sqlite":
                using (var connection = new SqliteConnection($"Data Source={_sqlitePath};Pooling=False"))
                {
                    connection.Open();
                    using var checkpoint = connection.CreateCommand();
                    checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
                    checkpoint.ExecuteNonQuery();
                }

                return new FileInfo(_sqlitePath!).Length + (File.Exists(_sqlitePath + "-wal") ? new FileInfo(_sqlitePath + "-wal").Length : 0);
            case "postgres":
                return Convert.ToInt64(Postgres($"SELECT pg_total_relation_size('\"{_postgresSchema}\".jobs')"), CultureInfo.InvariantCulture);
            default:
                GC.Collect();
                GC.WaitForPendingFinalizers();
                var bytes = GC.GetTotalMemory(forceFullCollection: true) - _memoryBefore;
                GC.KeepAlive(store);
                return bytes;
        }
    }

    private static object? Postgres(string sql)
    {
        using var connection = new NpgsqlConnection(Environment.GetEnvironmentVariable(PostgresVariable));
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        return command.ExecuteScalar();
    }

    /// <summary>Answers every <c>GET faxes/{id}</c> with the canned Phaxio body, its id replaced by the one asked for.</summary>
    private sealed class CannedHandler(string template) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var id = request.RequestUri!.Segments[^1];
            var body = template.Replace("\"id\": 123456", $"\"id\": {id}", StringComparison.Ordinal);
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(body, Encoding.UTF8, "application/json") });
        }
    }

    private sealed class OneProviderResolver(IFaxStatusProvider provider) : IFaxStatusProviderResolver
    {
        public IReadOnlyCollection<FaxProviderRegistration> Registrations { get; } = [new FaxProviderRegistration(provider.ProviderId, provider.InstanceName, _ => provider)];

        public IFaxStatusProvider GetProvider(string providerId, string instanceName = FaxJobReference.DefaultInstance) => provider;
    }
}
