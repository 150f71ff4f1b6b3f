using FaxSdk.Phaxio;
using FaxSdk.Resilience;
using FaxSdk.Transport;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FaxSdk.Tests.Resilience;

/// <summary>
/// A FaxSdk provider instance (Phaxio, under its own instance name) registered the way an application does, with its
/// primary handler replaced by a <see cref="ScriptedHandler"/>, on a fake clock, with captured logs. Requests go through
/// the real HttpClient from IHttpClientFactory, so through the pipeline Microsoft.Extensions.Http.Resilience builds.
/// </summary>
internal sealed class ResilienceRig : IDisposable
{
    internal const string PhaxioOk = """{"success":true,"message":"ok","data":{"id":42,"status":"success","recipients":[{"phone_number":"+15550000001","status":"success"}]}}""";

    private static int _next;

    private readonly Lazy<HttpClient> _client;

    public ResilienceRig(Action<FaxResilienceOptions>? configure, params ScriptedHandler.Step[] steps)
        : this(new Setup { Resilience = configure }, steps)
    {
    }

    public ResilienceRig(Setup setup, params ScriptedHandler.Step[] steps)
    {
        Instance = $"rig{Interlocked.Increment(ref _next)}";
        ClientName = FaxSdkServiceCollectionExtensions.OptionsName("phaxio", Instance);
        Inner = new ScriptedHandler(Clock, steps);
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(Clock);
        services.AddSingleton<ILoggerFactory>(Logs);
        var fax = setup.Configuration is { } configuration ? services.AddFaxSdk(configuration) : services.AddFaxSdk();
        var builder = fax.AddPhaxio(Instance, o =>
        {
            o.ApiKey = "phaxio-key-0451";
            o.ApiSecret = "phaxio-secret-9f2c";
            setup.Provider?.Invoke(o);
            setup.Resilience?.Invoke(o.Resilience);
        });
        setup.Client?.Invoke(builder);
        builder.ConfigurePrimaryHttpMessageHandler(() => Inner);
        Services = services.BuildServiceProvider(validateScopes: true);
        _client = new Lazy<HttpClient>(() => Services.GetRequiredService<IHttpClientFactory>().CreateClient(ClientName));
    }

    public string Instance { get; }

    /// <summary>The instance's HttpClient (and options) name: <c>FaxSdk.phaxio.{Instance}</c>.</summary>
    public string ClientName { get; }

    public RecordingClock Clock { get; } = VirtualTime.NewClock();

    public ScriptedHandler Inner { get; }

    public CapturingLoggerProvider Logs { get; } = new();

    public ServiceProvider Services { get; }

    /// <summary>The instance's HttpClient, created (and its pipeline built) on first use.</summary>
    public HttpClient Client => _client.Value;

    public PhaxioOptions Options => Services.GetRequiredService<IOptionsMonitor<PhaxioOptions>>().Get(ClientName);

    public static HttpRequestMessage Request(HttpMethod? method = null, bool? idempotent = null)
    {
        var request = new HttpRequestMessage(method ?? HttpMethod.Get, "https://api.example.com/faxes/1");
        if (method == HttpMethod.Post || method == HttpMethod.Patch)
        {
            request.Content = new ByteArrayContent("""{"jobId":"1"}"""u8.ToArray());
        }

        if (idempotent is { } value)
        {
            request.Options.Set(FaxResilience.IdempotentRequest, value);
        }

        return request;
    }

    /// <summary>Sends through <see cref="FaxHttpRequests"/> (typed exceptions) without moving the clock.</summary>
    public Task<byte[]> Send(HttpRequestMessage? request = null, CancellationToken cancellationToken = default) =>
        FaxHttpRequests.SendAsync(Client, request ?? Request(), Options, "phaxio", Instance, "1", cancellationToken);

    /// <summary>Sends and moves the clock until the call ends.</summary>
    public Task<byte[]> SendDriven(HttpRequestMessage? request = null) => Clock.Drive(Send(request));

    /// <summary>Asks the provider instance for a job's status, as an application does.</summary>
    public Task<FaxJobStatus> Status(CancellationToken cancellationToken = default) =>
        Services.GetRequiredService<IFaxStatusProviderResolver>().GetProvider("phaxio", Instance).GetStatusAsync(new FaxJobReference("phaxio", "42", Instance), cancellationToken);

    /// <summary>Builds a brand-new handler chain for the client, as IHttpClientFactory does when it rotates handlers.</summary>
    public HttpMessageHandler NewHandlerChain()
    {
        var builder = Services.GetRequiredService<HttpMessageHandlerBuilder>();
        builder.Name = ClientName;
        Action<HttpMessageHandlerBuilder> configure = b =>
        {
            foreach (var action in Services.GetRequiredService<IOptionsMonitor<HttpClientFactoryOptions>>().Get(ClientName).HttpMessageHandlerBuilderActions)
            {
                action(b);
            }
        };
        foreach (var filter in Services.GetServices<IHttpMessageHandlerBuilderFilter>().Reverse())
        {
            configure = filter.Configure(configure);
        }

        configure(builder);
        return builder.Build();
    }

    public void Dispose()
    {
        if (_client.IsValueCreated)
        {
            _client.Value.Dispose();
        }

        Services.Dispose();
        Inner.Dispose();
    }

    /// <summary>How the rig registers its provider instance.</summary>
    internal sealed class Setup
    {
        public Action<FaxResilienceOptions>? Resilience { get; init; }

        public Action<PhaxioOptions>? Provider { get; init; }

        public Action<IHttpClientBuilder>? Client { get; init; }

        public IConfiguration? Configuration { get; init; }
    }
}
