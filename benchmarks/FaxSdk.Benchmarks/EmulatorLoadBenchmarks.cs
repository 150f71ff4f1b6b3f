using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using FaxSdk.Phaxio;
using FaxSdk.Retarus;
using FaxSdk.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;

namespace FaxSdk.Benchmarks;

/// <summary>
/// Issue 16 part 4: a whole <see cref="FaxJobTracker"/> run (track N final jobs, run until all are complete) of one
/// provider, three ways: canned answers in-process (no sockets: the SDK alone, the baseline), the same canned answers
/// from a bare Kestrel server on 127.0.0.1 (the SDK plus loopback HTTP), and <see cref="FaxEmulator"/> on 127.0.0.1.
/// The emulator's own share of a run is (Emulator - Loopback) / Emulator; its cost per request must not grow with N.
/// Phaxio is polled job by job; Retarus is read from its report feed (pages of 1000, then a bulk delete), the handler
/// that used to scan and sort every job per request.
/// Run: <c>dotnet run -c Release --project benchmarks/FaxSdk.Benchmarks -- --filter '*EmulatorLoad*'</c> with no
/// <c>--job</c> (the class brings its own: in-process, each iteration one whole run on fresh state; the 100,000-job
/// rows decide).
/// </summary>
[MemoryDiagnoser]
[Config(typeof(RunConfig))]
public class EmulatorLoadBenchmarks
{
    private const string PhaxioSample = "987654321";
    private const string RetarusSample = "FJJSAMPLE0000000000000";
    private readonly EmulatorCredentials _credentials = new();
    private CannedAnswers _canned = null!;
    private WebApplication? _loopback;
    private Uri _loopbackAddress = null!;
    private FaxEmulator? _emulator;
    private FaxStatusClient _client = null!;
    private HttpClient? _http;
    private FaxJobReference[] _jobs = [];

    /// <summary>The provider whose API the run reads.</summary>
    [Params("phaxio", "retarus")]
    public string Provider { get; set; } = "phaxio";

    /// <summary>How many jobs the run tracks.</summary>
    [Params(10_000, 100_000)]
    public int Jobs { get; set; }

    [GlobalSetup]
    public async Task Setup()
    {
        // The canned bodies are the emulator's own answers for one job, with the job id substituted per request.
        await using (var emulator = await FaxEmulator.StartAsync().ConfigureAwait(false))
        using (var http = new HttpClient())
        {
            var sample = emulator.AddJob(Job(Provider, Provider == "phaxio" ? PhaxioSample : RetarusSample));
            var uri = Provider == "phaxio"
                ? new Uri(emulator.PhaxioBaseAddress, $"faxes/{sample.JobId}")
                : new Uri(emulator.RetarusDataCenters["DE1"], $"{_credentials.RetarusCustomerNumber}/fax/reports/{sample.JobId}");
            using var request = new HttpRequestMessage(HttpMethod.Get, uri);
            request.Headers.Authorization = Provider == "phaxio"
                ? Basic(_credentials.PhaxioApiKey, _credentials.PhaxioApiSecret)
                : Basic(_credentials.RetarusUsername, _credentials.RetarusPassword);
            using var response = await http.SendAsync(request).ConfigureAwait(false);
            response.EnsureSuccessStatusCode();
            var body = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
            _canned = new CannedAnswers(Provider, body, sample.JobId, Ids(Provider, Jobs));
        }

        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        _loopback = builder.Build();
        _loopback.Run(AnswerAsync);
        await _loopback.StartAsync().ConfigureAwait(false);
        _loopbackAddress = new Uri(_loopback.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First().TrimEnd('/') + "/");
    }

    [GlobalCleanup]
    public async Task Cleanup()
    {
        if (_loopback is not null)
        {
            await _loopback.StopAsync().ConfigureAwait(false);
            await _loopback.DisposeAsync().ConfigureAwait(false);
        }
    }

    [IterationSetup(Target = nameof(Canned))]
    public void SetupCanned() => Prepare(new HttpClient(new CannedHandler(_canned)), new Uri("https://api.phaxio.test/v2.1/"), new Uri("https://retarus.test/"));

    [IterationSetup(Target = nameof(Loopback))]
    public void SetupLoopback() => Prepare(new HttpClient(), new Uri(_loopbackAddress, "phaxio/v2.1/"), new Uri(_loopbackAddress, "retarus/"));

    [IterationSetup(Target = nameof(Emulator))]
    public void SetupEmulator()
    {
        _emulator = FaxEmulator.StartAsync().GetAwaiter().GetResult();
        foreach (var id in Ids(Provider, Jobs))
        {
            _emulator.AddJob(Job(Provider, id));
        }

        Prepare(new HttpClient(), _emulator.PhaxioBaseAddress, new Uri(_emulator.BaseAddress, "retarus/"));
    }

    [IterationCleanup]
    public void CleanupIteration()
    {
        _http?.Dispose();
        _http = null;
        _emulator?.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _emulator = null;
    }

    [Benchmark(Baseline = true, Description = "Tracker run, canned answers in-process (SDK only)")]
    public Task<int> Canned() => RunAsync();

    [Benchmark(Description = "Tracker run, canned answers over loopback (SDK + HTTP)")]
    public Task<int> Loopback() => RunAsync();

    [Benchmark(Description = "Tracker run, FaxEmulator over loopback")]
    public Task<int> Emulator() => RunAsync();

    private async Task<int> RunAsync()
    {
        // Retarus jobs come from the feed: read it again as soon as a page is done, as a busy tracker would.
        var tracker = _client.CreateTracker(new FaxTrackerOptions { StopWhenAllCompleted = true, FeedInterval = TimeSpan.FromTicks(1) });
        var completed = 0;
        tracker.JobCompleted += (_, _) => completed++;
        tracker.Track(_jobs);
        await tracker.RunAsync().ConfigureAwait(false);
        return completed == Jobs ? completed : throw new InvalidOperationException($"{completed} of {Jobs} jobs completed.");
    }

    private void Prepare(HttpClient http, Uri phaxio, Uri retarus)
    {
        _http = http;
        _canned.Reset();
        IFaxStatusProvider provider = Provider == "phaxio"
            ? new PhaxioStatusProvider(http, new PhaxioOptions { BaseAddress = phaxio, ApiKey = _credentials.PhaxioApiKey, ApiSecret = _credentials.PhaxioApiSecret })
            : new RetarusStatusProvider(http, new RetarusOptions
            {
                CustomerNumber = _credentials.RetarusCustomerNumber,
                Username = _credentials.RetarusUsername,
                Password = _credentials.RetarusPassword,
                DataCenters = FaxEmulator.RetarusDataCenterNames.ToDictionary(name => name, name => new Uri(retarus, $"{name}/rest/v1/")),
            });
        _client = new FaxStatusClient(new OneProviderResolver(provider), new FaxStatusClientOptions { TerminalStatusCapacity = Jobs });
        _jobs = [.. Ids(Provider, Jobs).Select(id => new FaxJobReference(Provider, id))];
    }

    private async Task AnswerAsync(HttpContext context)
    {
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body).ConfigureAwait(false);
        var (status, answer) = _canned.Answer(context.Request.Method, context.Request.Path.Value ?? "");
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.ContentLength = answer.Length;
        await context.Response.Body.WriteAsync(answer).ConfigureAwait(false);
    }

    /// <summary>Final at once (every step at zero), two recipients: one delivered, one busy.</summary>
    private static EmulatedJob Job(string provider, string id) => EmulatedJob.PartiallySucceeds(provider, id, step: TimeSpan.Zero);

    private static IEnumerable<string> Ids(string provider, int count) => Enumerable.Range(0, count).Select(i => provider == "phaxio"
        ? (100_000_000 + i).ToString(CultureInfo.InvariantCulture)
        : "FJJ" + i.ToString("D19", CultureInfo.InvariantCulture));

    private static AuthenticationHeaderValue Basic(string user, string password) =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));

    /// <summary>
    /// Precomputed answers: a Phaxio fax for any id, and a Retarus feed on DE1 (pages of the next 1000 reports, a bulk
    /// delete that moves past them; DE2 always empty). Constant work per report, no bookkeeping per job.
    /// </summary>
    private sealed class CannedAnswers
    {
        private static readonly byte[] EmptyList = """{"reports":[]}"""u8.ToArray();
        private readonly string _provider;
        private readonly byte[][] _parts;
        private readonly string[] _ids;
        private int _next;

        public CannedAnswers(string provider, string sample, string sampleId, IEnumerable<string> ids)
        {
            _provider = provider;
            _parts = [.. sample.Split(sampleId).Select(Encoding.UTF8.GetBytes)];
            _ids = [.. ids];
        }

        public void Reset() => _next = 0;

        public (int Status, byte[] Body) Answer(string method, string path)
        {
            if (_provider == "phaxio")
            {
                return (200, WithId(path[(path.LastIndexOf('/') + 1)..]));
            }

            if (path.Contains("/DE2/", StringComparison.Ordinal))
            {
                return (200, EmptyList);
            }

            if (!path.EndsWith("/reports", StringComparison.Ordinal))
            {
                return (404, []);
            }

            var next = Volatile.Read(ref _next);
            var count = Math.Min(1000, _ids.Length - next);
            using var body = new MemoryStream();
            body.Write("""{"reports":["""u8);
            for (var i = 0; i < count; i++)
            {
                if (i > 0)
                {
                    body.WriteByte((byte)',');
                }

                if (method == "GET")
                {
                    body.Write(WithId(_ids[next + i]));
                }
                else
                {
                    body.Write(Encoding.UTF8.GetBytes($$"""{"jobId":"{{_ids[next + i]}}","deleted":true}"""));
                }
            }

            body.Write("]}"u8);
            if (method == "POST")
            {
                Volatile.Write(ref _next, next + count);
            }

            return (200, body.ToArray());
        }

        private byte[] WithId(string id)
        {
            var idBytes = Encoding.UTF8.GetBytes(id);
            var result = new byte[_parts.Sum(p => p.Length) + (idBytes.Length * (_parts.Length - 1))];
            var at = 0;
            for (var i = 0; i < _parts.Length; i++)
            {
                if (i > 0)
                {
                    idBytes.CopyTo(result, at);
                    at += idBytes.Length;
                }

                _parts[i].CopyTo(result, at);
                at += _parts[i].Length;
            }

            return result;
        }
    }

    private sealed class CannedHandler(CannedAnswers answers) : HttpMessageHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.Content is not null)
            {
                await request.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            }

            var (status, body) = answers.Answer(request.Method.Method, request.RequestUri!.AbsolutePath);
            return new HttpResponseMessage((HttpStatusCode)status) { Content = new ByteArrayContent(body) };
        }
    }

    /// <summary>One whole run per iteration (fresh jobs, client and emulator each time), in-process, three iterations.</summary>
    public sealed class RunConfig : ManualConfig
    {
        public RunConfig() => AddJob(BenchmarkDotNet.Jobs.Job.Default
            .WithToolchain(new InProcessEmitToolchain(TimeSpan.FromMinutes(30), logOutput: true))
            .WithLaunchCount(1)
            .WithWarmupCount(1)
            .WithIterationCount(3)
            .WithInvocationCount(1)
            .WithUnrollFactor(1));
    }

    private sealed class OneProviderResolver(IFaxStatusProvider provider) : IFaxStatusProviderResolver
    {
        public IReadOnlyCollection<FaxProviderRegistration> Registrations { get; } = [new FaxProviderRegistration(provider.ProviderId, provider.InstanceName, _ => provider)];

        public IFaxStatusProvider GetProvider(string providerId, string instanceName = FaxJobReference.DefaultInstance) => provider;
    }
}
