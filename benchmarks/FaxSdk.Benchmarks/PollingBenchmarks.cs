using System.Net;
using BenchmarkDotNet.Attributes;
using FaxSdk.Phaxio;

namespace FaxSdk.Benchmarks;

/// <summary>
/// Polling 10,000 jobs through the real Phaxio client and an in-process handler (no sockets): CPU time and
/// allocations per status update, request building, escaping, bounded read and parsing included. This is the cost a
/// tracker pays per poll; the tracker's own scheduling overhead is measured once it exists (issue 5).
/// </summary>
[MemoryDiagnoser]
public class PollingBenchmarks
{
    private const int Jobs = 10_000;
    private readonly byte[] _body = Payloads.Fixture("phaxio", "partialsuccess.json");
    private PhaxioStatusProvider _provider = null!;
    private FaxJobReference[] _jobs = [];

    [GlobalSetup]
    public void Setup()
    {
        var client = new HttpClient(new CannedHandler(_body)) { BaseAddress = new Uri("https://api.phaxio.test/v2.1/") };
        _provider = new PhaxioStatusProvider(client, new PhaxioOptions { BaseAddress = client.BaseAddress, ApiKey = "key", ApiSecret = "secret" });
        _jobs = [.. Enumerable.Range(0, Jobs).Select(i => new FaxJobReference("phaxio", i.ToString(System.Globalization.CultureInfo.InvariantCulture)))];
    }

    [Benchmark(OperationsPerInvoke = Jobs, Description = "Poll one job (per status update)")]
    public async Task<int> PollAll()
    {
        var terminal = 0;
        foreach (var job in _jobs)
        {
            terminal += (await _provider.GetStatusAsync(job).ConfigureAwait(false)).IsTerminal ? 1 : 0;
        }

        return terminal;
    }

    private sealed class CannedHandler(byte[] body) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(body) });
    }
}
