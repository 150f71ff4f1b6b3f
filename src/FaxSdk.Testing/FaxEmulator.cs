using System.Collections.Concurrent;
using System.Net;
using FaxSdk.Concord;
using FaxSdk.Pantarey;
using FaxSdk.Phaxio;
using FaxSdk.Retarus;
using FaxSdk.StoneFax;
using FaxSdk.Testing.Providers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;

namespace FaxSdk.Testing;

/// <summary>
/// A real HTTP server on 127.0.0.1 that serves fax providers' status APIs at their documented paths and shapes,
/// checks credentials like the real services, and plays scripted job lifecycles on a <see cref="TimeProvider"/>.
/// Point the real FaxSdk clients at <see cref="PhaxioBaseAddress"/>, <see cref="StoneFaxBaseAddress"/> and
/// <see cref="PantareyEndpoint"/>.
/// </summary>
/// <example>
/// <code>
/// await using var emulator = await FaxEmulator.StartAsync();
/// emulator.AddJob(EmulatedJob.PartiallySucceeds("phaxio", "1002"));
/// services.AddFaxSdk().AddPhaxio(o =>
/// {
///     o.BaseAddress = emulator.PhaxioBaseAddress;
///     o.ApiKey = emulator.Credentials.PhaxioApiKey;
///     o.ApiSecret = emulator.Credentials.PhaxioApiSecret;
/// });
/// </code>
/// </example>
public sealed class FaxEmulator : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<(string Provider, string JobId), EmulatedJobRun> _jobs = new();
    private long _jobsAdded;
    private readonly BoundedLog<EmulatedRequest> _requests;
    private readonly BoundedLog<InjectedFault> _injectedFaults;
    private readonly IReadOnlyList<IProviderEmulator> _providers;
    private readonly long[] _ordinals;
    private EmulatorFaults _faults;
    private readonly EmulatorPushDispatcher? _pushes;

    private readonly RetarusReportStore _retarus = new();

    private FaxEmulator(WebApplication app, FaxEmulatorOptions options)
    {
        _app = app;
        Options = options;
        _providers = [.. Emulators.Select(e => e.Create(this))];
        _ordinals = new long[_providers.Count];
        _faults = options.Faults;
        _requests = new BoundedLog<EmulatedRequest>(options.RequestLogCapacity);
        _injectedFaults = new BoundedLog<InjectedFault>(options.RequestLogCapacity);
        if (options.Push is { } push)
        {
            _pushes = new EmulatorPushDispatcher(this, push, [new PhaxioPusher(this), new PantareyPusher(this), new ConcordPusher(this), new RetarusPusher(this)]);
        }
    }

    /// <summary>The header the emulator's Concord push notifications carry the shared secret in: <c>X-FaxSdk-Token</c>.</summary>
    public const string ConcordPushSecretHeader = ConcordWebhookOptions.DefaultSecretHeader;

    /// <summary>The name of the configuration section <see cref="CreateConfiguration"/> writes: <c>FaxSdk</c>.</summary>
    public const string ConfigurationSection = "FaxSdk";

    /// <summary>The provider packages the emulator serves, each with its emulated API: the one list of them here.</summary>
    private static readonly (FaxProviderDescriptor Descriptor, Func<FaxEmulator, IProviderEmulator> Create, EmulatedOutcomes Outcomes)[] Emulators =
    [
        (PhaxioProvider.Descriptor, e => new PhaxioEmulator(e), PhaxioEmulator.Outcomes),
        (StoneFaxProvider.Descriptor, e => new StoneFaxEmulator(e), StoneFaxEmulator.Outcomes),
        (PantareyProvider.Descriptor, e => new PantareyEmulator(e), PantareyEmulator.Outcomes),
        (ConcordProvider.Descriptor, e => new ConcordEmulator(e), ConcordEmulator.Outcomes),
        (RetarusProvider.Descriptor, e => new RetarusEmulator(e), RetarusEmulator.Outcomes),
    ];

    /// <summary>The descriptors of the provider packages the emulator serves.</summary>
    public static IReadOnlyList<FaxProviderDescriptor> ProviderDescriptors { get; } = [.. Emulators.Select(e => e.Descriptor)];

    /// <summary>The provider ids the emulator serves (their descriptors' ids).</summary>
    public static IReadOnlyList<string> Providers { get; } = [.. ProviderDescriptors.Select(d => d.Id)];

    /// <summary>The Retarus data centres the emulator runs (two, like the German region).</summary>
    public static IReadOnlyList<string> RetarusDataCenterNames { get; } = ["DE1", "DE2"];

    /// <summary>The options it runs with.</summary>
    public FaxEmulatorOptions Options { get; }

    /// <summary>The credentials it accepts.</summary>
    public EmulatorCredentials Credentials => Options.Credentials;

    /// <summary>The server's address, <c>http://127.0.0.1:{port}/</c>.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>Phaxio's base address: serves <c>GET {this}faxes/{id}</c>.</summary>
    public Uri PhaxioBaseAddress => new(BaseAddress, "phaxio/v2.1/");

    /// <summary>The Imagicle server address: serves <c>GET {this}fw/Apps/StoneFax/WebAPI/Faxes/Outbound/{id}</c>.</summary>
    public Uri StoneFaxBaseAddress => new(BaseAddress, "stonefax/");

    /// <summary>The Pantarey "Query fax status" endpoint: <c>POST</c> <c>{"jobId", "test"}</c>.</summary>
    public Uri PantareyEndpoint => new(BaseAddress, "pantarey/query-fax-status");

    /// <summary>The Concord endpoint (JSON and SOAP 1.2 <c>GetFaxStatus</c>).</summary>
    public Uri ConcordEndpoint => new(BaseAddress, "concord/fax/v5");

    /// <summary>The Retarus data centres: name → REST v1 base address (serves <c>{custNr}/fax/reports…</c>).</summary>
    public IReadOnlyDictionary<string, Uri> RetarusDataCenters =>
        RetarusDataCenterNames.ToDictionary(name => name, name => new Uri(BaseAddress, $"retarus/{name}/rest/v1/"));

    /// <summary>The Retarus reports deleted so far, as (data centre, job id), in order.</summary>
    public IReadOnlyList<(string DataCenter, string JobId)> RetarusDeletedReports => [.. _retarus.Deleted];

    /// <summary>
    /// The requests received, in order (without Authorization headers): every one, up to the last
    /// <see cref="FaxEmulatorOptions.RequestLogCapacity"/> (10,000 by default); older ones are dropped. Each read is a copy.
    /// </summary>
    public IReadOnlyList<EmulatedRequest> Requests => _requests.Snapshot();

    /// <summary>How many requests were received in all, including those <see cref="Requests"/> no longer holds.</summary>
    public long RequestCount => _requests.Appended;

    /// <summary>
    /// Every push sent so far (with <see cref="FaxEmulatorOptions.Push"/>), in the order sent, including lost pushes
    /// (not sent), duplicates and forged copies, each with the status code the receiver answered.
    /// </summary>
    public IReadOnlyList<EmulatedPush> Pushes => _pushes?.Log ?? [];

    /// <summary>Every push fault injected so far (see <see cref="EmulatorFaults.PushRate"/>), in the order decided: when each job was added.</summary>
    public IReadOnlyList<InjectedPushFault> InjectedPushFaults => _pushes?.InjectedFaults ?? [];

    /// <summary>Raised on a background thread after each push is sent (or recorded as lost or failed); the same record as in <see cref="Pushes"/>.</summary>
    public event EventHandler<EmulatedPush>? PushSent
    {
        add
        {
            if (_pushes is not null)
            {
                _pushes.Delivered += value;
            }
        }

        remove
        {
            if (_pushes is not null)
            {
                _pushes.Delivered -= value;
            }
        }
    }

    /// <summary>
    /// The faults injected so far, in the order they were decided: every one, up to the last
    /// <see cref="FaxEmulatorOptions.RequestLogCapacity"/>; older ones are dropped. Each read is a copy.
    /// </summary>
    public IReadOnlyList<InjectedFault> InjectedFaults => _injectedFaults.Snapshot();

    /// <summary>
    /// The faults injected from now on; starts as <see cref="FaxEmulatorOptions.Faults"/>. Set it at any time, for
    /// example to <see cref="EmulatorFaults.None"/> to let a circuit breaker recover. Request ordinals keep counting
    /// across changes, so a run stays deterministic.
    /// </summary>
    /// <exception cref="ArgumentException">The value is invalid (see <see cref="EmulatorFaults.Validate"/>).</exception>
    public EmulatorFaults Faults
    {
        get => Volatile.Read(ref _faults);
        set
        {
            ArgumentNullException.ThrowIfNull(value);
            value.Validate();
            Volatile.Write(ref _faults, value);
        }
    }

    /// <summary>The jobs added so far.</summary>
    public IReadOnlyList<EmulatedJob> Jobs => [.. _jobs.Values.OrderBy(r => r.Sequence).Select(r => r.Job)];

    internal TimeProvider Time => Options.TimeProvider;

    /// <summary>Starts the emulator on 127.0.0.1.</summary>
    /// <param name="options">How to run; defaults to a free port and the system clock.</param>
    /// <param name="cancellationToken">Cancels start-up.</param>
    /// <returns>The running emulator; dispose it to stop.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><see cref="FaxEmulatorOptions.RequestLogCapacity"/> is negative.</exception>
    public static async Task<FaxEmulator> StartAsync(FaxEmulatorOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new FaxEmulatorOptions();
        ArgumentNullException.ThrowIfNull(options.Faults);
        options.Faults.Validate();
        options.Push?.Validate();
        ArgumentOutOfRangeException.ThrowIfNegative(options.RequestLogCapacity, nameof(options.RequestLogCapacity));
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(k => k.Listen(IPAddress.Loopback, options.Port));
        var app = builder.Build();
        var emulator = new FaxEmulator(app, options);
        app.Run(emulator.HandleAsync);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        emulator.BaseAddress = new Uri(address.TrimEnd('/') + "/");
        return emulator;
    }

    /// <summary>Adds a job; its script starts now (by <see cref="FaxEmulatorOptions.TimeProvider"/>).</summary>
    /// <param name="job">The job.</param>
    /// <returns>The same job.</returns>
    /// <exception cref="InvalidOperationException">A job with the same provider and id exists.</exception>
    public EmulatedJob AddJob(EmulatedJob job)
    {
        ArgumentNullException.ThrowIfNull(job);
        var run = new EmulatedJobRun(job, Time.GetUtcNow()) { Sequence = Interlocked.Increment(ref _jobsAdded) };
        if (!_jobs.TryAdd((job.Provider, job.JobId), run))
        {
            throw new InvalidOperationException($"The emulator already has {job.Provider} job '{job.JobId}'.");
        }

        foreach (var provider in _providers)
        {
            if (provider.ProviderId == job.Provider)
            {
                provider.JobAdded(run);
            }
        }

        _pushes?.Schedule(run);
        return job;
    }

    /// <summary>
    /// Completes when every push due by the emulator's clock so far has been sent and answered (or recorded as lost or
    /// failed). With a manual clock: advance it, then await this before asserting on what a receiver got.
    /// </summary>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <returns>A task that completes when no due push is waiting or on the wire.</returns>
    public Task WhenPushesSentAsync(CancellationToken cancellationToken = default) =>
        _pushes?.WhenIdleAsync(cancellationToken) ?? Task.CompletedTask;

    /// <summary>Adds <see cref="DefaultJobs"/>: every final state each provider can reach.</summary>
    /// <returns>The jobs added.</returns>
    public IReadOnlyList<EmulatedJob> SeedDefaultJobs() => [.. DefaultJobs().Select(AddJob)];

    /// <summary>
    /// Adds <see cref="GenerateJobs"/>: <paramref name="jobsPerProvider"/> jobs for each provider, their lifecycles
    /// chosen deterministically from <paramref name="seed"/>.
    /// </summary>
    /// <param name="jobsPerProvider">How many jobs each provider gets (0 to 1,000,000).</param>
    /// <param name="seed">Chooses each job's lifecycle: the same seed gives the same jobs.</param>
    /// <param name="step">The time between two steps of a script (default one second, as in <see cref="DefaultJobs"/>).</param>
    /// <returns>The jobs added, provider by provider.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A count out of range or a step that is not positive.</exception>
    /// <exception cref="InvalidOperationException">A generated job was already added.</exception>
    public IReadOnlyList<EmulatedJob> SeedGeneratedJobs(int jobsPerProvider, int seed, TimeSpan? step = null) =>
        [.. GenerateJobs(jobsPerProvider, seed, step).Select(AddJob)];

    /// <summary>
    /// Many jobs for load and multi-process runs: <paramref name="jobsPerProvider"/> jobs for each provider (provider by
    /// provider, in <see cref="Providers"/> order), each with one of the lifecycles that provider has in
    /// <see cref="DefaultJobs"/> (so every final state it can reach occurs), chosen by a random sequence seeded with
    /// <paramref name="seed"/>, and a new id in the provider's own id format (the i-th id of a provider does not depend on
    /// the seed). Generated jobs are never sandbox jobs (<see cref="EmulatedJob.IsTest"/> is false). Each job knows its
    /// <see cref="EmulatedJob.ExpectedFinalState"/>.
    /// </summary>
    /// <param name="jobsPerProvider">How many jobs each provider gets (0 to 1,000,000).</param>
    /// <param name="seed">Chooses each job's lifecycle: the same seed gives the same jobs.</param>
    /// <param name="step">The time between two steps of a script (default one second); a job is final within 7 steps
    /// of being added.</param>
    /// <returns>New job objects.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A count out of range or a step that is not positive.</exception>
    public static IReadOnlyList<EmulatedJob> GenerateJobs(int jobsPerProvider, int seed, TimeSpan? step = null) =>
        EmulatedJobGenerator.Generate(jobsPerProvider, seed, step ?? TimeSpan.FromSeconds(1));

    /// <summary>
    /// One job per final state each provider can reach (and the in-between states on the way: retries, Pantarey's
    /// pause), all final within 10 seconds of being added.
    /// </summary>
    /// <returns>New job objects.</returns>
    public static IReadOnlyList<EmulatedJob> DefaultJobs() =>
    [
        EmulatedJob.Succeeds("phaxio", "1001", recipients: 2),
        EmulatedJob.PartiallySucceeds("phaxio", "1002", FaxFailureCategory.Busy),
        EmulatedJob.Fails("phaxio", "1003", FaxFailureCategory.InvalidNumber),
        EmulatedJob.RetriesThenSucceeds("phaxio", "1004", FaxFailureCategory.NoAnswer),
        EmulatedJob.Succeeds("stonefax", "IAS-N1_6a504a1d-12d6-44a7-a249-db6c4389f413_0"),
        EmulatedJob.Fails("stonefax", "IAS-N1_d53957a4-c6fa-4a89-9198-f32da47e6a58_0", FaxFailureCategory.Busy),
        EmulatedJob.Canceled("stonefax", "IAS-N1_0b7e3f52-1c2d-4e5f-8a9b-0c1d2e3f4a5b_0"),
        EmulatedJob.Succeeds("pantarey", "0d139d2c-4a10-11f1-b04d-001851328a39"),
        EmulatedJob.PartiallySucceeds("pantarey", "1e24ae3d-4a10-11f1-b04d-001851328a39", FaxFailureCategory.NoAnswer),
        EmulatedJob.Fails("pantarey", "2f35bf4e-4a10-11f1-b04d-001851328a39", FaxFailureCategory.Rejected),
        EmulatedJob.Canceled("pantarey", "3a46c05f-4a10-11f1-b04d-001851328a39"),
        EmulatedJob.PausedThenSucceeds("pantarey", "4b57d160-4a10-11f1-b04d-001851328a39") with { IsTest = true },
        EmulatedJob.Succeeds("concord", "br0000000001"),
        EmulatedJob.Fails("concord", "br0000000002", FaxFailureCategory.Busy),
        EmulatedJob.RetriesThenSucceeds("concord", "br0000000003"),
        EmulatedJob.Succeeds("retarus", "FJJ5Y09UM505ZZBIELCRYC", recipients: 2),
        EmulatedJob.PartiallySucceeds("retarus", "FJJ5WA23UO05ZZBIELDE22", FaxFailureCategory.UnconfirmedDelivery) with { DataCenters = ["DE2"] },
        EmulatedJob.Fails("retarus", "FJJ66GHGX105ZZBIELVCN1", FaxFailureCategory.NotAFaxDevice),
        EmulatedJob.Canceled("retarus", "FJJ77ABCD105ZZBIELBOTH") with { DataCenters = ["DE1", "DE2"] },
    ];

    /// <summary>
    /// A configuration, in flattened <c>FaxSdk:Provider:Property</c> form, that points all five providers at this
    /// emulator with credentials it accepts; feed it to <c>ConfigurationBuilder.AddInMemoryCollection</c>. Keys are the
    /// providers' options property names: Phaxio <c>BaseAddress</c>, <c>ApiKey</c>, <c>ApiSecret</c>; StoneFax
    /// <c>BaseAddress</c>, <c>Username</c>, <c>Password</c>; Pantarey <c>BaseAddress</c>, <c>BearerToken</c>; Concord
    /// <c>BaseAddress</c>, <c>UserId</c>, <c>AccessToken</c>, <c>Transport</c>; Retarus <c>CustomerNumber</c>,
    /// <c>Username</c>, <c>Password</c>, <c>DataCenters:{name}</c>.
    /// </summary>
    /// <returns>The settings, in a stable order.</returns>
    public IReadOnlyDictionary<string, string?> CreateConfiguration() => EmulatorConfiguration.Create(this);

    /// <summary>Writes <see cref="CreateConfiguration"/> as an indented JSON document, <c>{"FaxSdk": {"Phaxio": {…}, …}}</c>.</summary>
    /// <param name="stream">Where to write (left open).</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes when the document is written and flushed.</returns>
    public Task WriteConfigurationAsync(Stream stream, CancellationToken cancellationToken = default) =>
        EmulatorConfiguration.WriteJsonAsync(CreateConfiguration(), stream, cancellationToken);

    /// <summary>Stops the pushes and the server.</summary>
    /// <returns>A task that completes when both have stopped.</returns>
    public async Task StopAsync()
    {
        await StopPushesAsync().ConfigureAwait(false);
        await _app.StopAsync().ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await StopPushesAsync().ConfigureAwait(false);
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }

    internal EmulatorPushDispatcher? PushDispatcher => _pushes;

    private ValueTask StopPushesAsync() => _pushes?.DisposeAsync() ?? ValueTask.CompletedTask;

    internal static EmulatedOutcomes OutcomesOf(string provider) => Emulators.Single(e => e.Descriptor.Id == provider).Outcomes;

    internal EmulatedJobRun? FindJob(string provider, string jobId) => _jobs.GetValueOrDefault((provider, jobId));

    internal RetarusReportStore Retarus => _retarus;

    internal IReadOnlyList<IProviderEmulator> ProviderEmulators => _providers;

    private async Task HandleAsync(HttpContext context)
    {
        // Route on the raw target: an escaped job id ("..%2F..", "%2E%2E") must stay one segment.
        var rawTarget = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? context.Request.Path.ToString();
        var rawPath = rawTarget.Split('?', 2)[0];
        var method = context.Request.Method;
        var index = -1;
        for (var i = 0; i < _providers.Count && index < 0; i++)
        {
            index = rawPath.StartsWith(_providers[i].Prefix, StringComparison.Ordinal) ? i : -1;
        }

        if (index < 0)
        {
            await EmulatorHttp.EmptyAsync(context, StatusCodes.Status404NotFound).ConfigureAwait(false);
            _requests.Append(new EmulatedRequest(method, rawTarget, null, context.Response.StatusCode));
            return;
        }

        // The fault is decided before the request is processed, from (seed, provider, ordinal) only.
        var provider = _providers[index];
        var ordinal = Interlocked.Increment(ref _ordinals[index]);
        var faults = Faults;
        var fault = faults.Decide(provider.ProviderId, ordinal);
        int status;
        if (fault is { } kind)
        {
            _injectedFaults.Append(new InjectedFault(provider.ProviderId, method, rawTarget, kind, ordinal));
            status = await EmulatorFaultResponses.WriteAsync(context, kind, faults, Time, provider, rawPath).ConfigureAwait(false);
        }
        else
        {
            await provider.HandleAsync(context, rawPath).ConfigureAwait(false);
            status = context.Response.StatusCode;
        }

        _requests.Append(new EmulatedRequest(method, rawTarget, provider.ProviderId, status) { Fault = fault });
    }
}
