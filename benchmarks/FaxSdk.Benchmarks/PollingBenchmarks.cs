using BenchmarkDotNet.Attributes;
using FaxSdk.Phaxio;

namespace FaxSdk.Benchmarks;

/// <summary>
/// Polling 10,000 jobs through the real Phaxio client and an in-process handler (no sockets): CPU time and
/// allocations per status update. The baseline calls the provider directly (request building, escaping, bounded
/// read and parsing: the cost of one poll); the other rows add what <see cref="FaxStatusClient"/> and
/// <see cref="FaxJobTracker"/> do on top (grouping, per-provider concurrency gate, final-status memory,
/// scheduling, change detection, updates and events), so the ratio is their overhead.
/// </summary>
[MemoryDiagnoser]
public class PollingBenchmarks
{
    private const int Jobs = 10_000;
    private PhaxioStatusProvider _provider = null!;
    private FaxStatusClient _client = null!;
    private FaxJobReference[] _jobs = [];

    [GlobalSetup]
    public void Setup()
    {
        var http = new HttpClient(new CannedPhaxioHandler(Jobs)) { BaseAddress = new Uri("https://api.phaxio.test/v2.1/") };
        _provider = new PhaxioStatusProvider(http, new PhaxioOptions { BaseAddress = http.BaseAddress, ApiKey = "key", ApiSecret = "secret" });
        _client = new FaxStatusClient(new OneProviderResolver(_provider), new FaxStatusClientOptions { TerminalStatusCapacity = Jobs });
        _jobs = CannedPhaxioHandler.Jobs(Jobs);
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Jobs, Description = "Provider.GetStatusAsync (per status update)")]
    public async Task<int> PollAll()
    {
        var terminal = 0;
        foreach (var job in _jobs)
        {
            terminal += (await _provider.GetStatusAsync(job).ConfigureAwait(false)).IsTerminal ? 1 : 0;
        }

        return terminal;
    }

    [Benchmark(OperationsPerInvoke = Jobs, Description = "FaxStatusClient.GetStatusesAsync (per status update)")]
    public async Task<int> ClientGetStatuses()
    {
        var results = await _client.GetStatusesAsync(_jobs).ConfigureAwait(false);
        return results.Count(r => r.Status is { IsTerminal: true });
    }

    [Benchmark(OperationsPerInvoke = Jobs, Description = "FaxJobTracker, track and run to final (per status update)")]
    public async Task<int> TrackerRound()
    {
        var tracker = _client.CreateTracker(new FaxTrackerOptions { StopWhenAllCompleted = true });
        var completed = 0;
        tracker.JobCompleted += (_, _) => completed++;
        tracker.Track(_jobs);
        await tracker.RunAsync().ConfigureAwait(false);
        return completed;
    }

    private sealed class OneProviderResolver(IFaxStatusProvider provider) : IFaxStatusProviderResolver
    {
        public IReadOnlyCollection<FaxProviderRegistration> Registrations { get; } = [new FaxProviderRegistration(provider.ProviderId, provider.InstanceName, _ => provider)];

        public IFaxStatusProvider GetProvider(string providerId, string instanceName = FaxJobReference.DefaultInstance) => provider;
    }
}
