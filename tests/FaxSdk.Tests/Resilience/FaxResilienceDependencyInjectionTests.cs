using System.Net;
using FaxSdk.Phaxio;
using FaxSdk.Resilience;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Polly.CircuitBreaker;

namespace FaxSdk.Tests.Resilience;

public class FaxResilienceDependencyInjectionTests
{
    internal const string PhaxioOk = """{"success":true,"message":"ok","data":{"id":42,"status":"success","recipients":[{"phone_number":"+15550000001","status":"success"}]}}""";

    private static readonly string PhaxioClient = FaxSdkServiceCollectionExtensions.OptionsName("phaxio", "default");

    internal sealed class Host : IAsyncDisposable
    {
        public Host(Action<IHttpClientBuilder>? client, Action<PhaxioOptions>? configure, params ScriptedHandler.Step[] steps)
        {
            Primary = new ScriptedHandler(Clock, steps);
            var services = new ServiceCollection();
            services.AddSingleton<TimeProvider>(Clock);
            services.AddSingleton<ILoggerFactory>(Logs);
            var builder = services.AddFaxSdk().AddPhaxio(o =>
            {
                o.ApiKey = "phaxio-key-0451";
                o.ApiSecret = "phaxio-secret-9f2c";
                configure?.Invoke(o);
            }).ConfigurePrimaryHttpMessageHandler(() => Primary);
            client?.Invoke(builder);
            Services = services.BuildServiceProvider(validateScopes: true);
        }

        public FakeTimeProvider Clock { get; } = VirtualTime.NewClock();

        public CapturingLoggerProvider Logs { get; } = new();

        public ScriptedHandler Primary { get; }

        public ServiceProvider Services { get; }

        public Task<FaxJobStatus> Status(string jobId = "42") =>
            Services.GetRequiredService<IFaxStatusProviderResolver>().GetProvider("phaxio").GetStatusAsync(new FaxJobReference("phaxio", jobId));

        public TimeSpan ClientTimeout => Services.GetRequiredService<IHttpClientFactory>().CreateClient(PhaxioClient).Timeout;

        /// <summary>Builds a brand-new handler chain for the client, as IHttpClientFactory does when it rotates handlers.</summary>
        public HttpMessageHandler NewHandlerChain()
        {
            var builder = Services.GetRequiredService<HttpMessageHandlerBuilder>();
            builder.Name = PhaxioClient;
            foreach (var action in Services.GetRequiredService<IOptionsMonitor<HttpClientFactoryOptions>>().Get(PhaxioClient).HttpMessageHandlerBuilderActions)
            {
                action(builder);
            }

            return builder.Build();
        }

        public ValueTask DisposeAsync() => Services.DisposeAsync();
    }

    [Fact]
    public async Task A_provider_gets_the_resilience_handler_by_default_with_time_from_the_container()
    {
        await using var host = new Host(null, null, ScriptedHandler.Status(503), ScriptedHandler.Ok(PhaxioOk));

        var status = await host.Clock.Drive(host.Status());

        Assert.Equal(FaxJobState.Succeeded, status.State);
        Assert.Equal(2, host.Primary.Calls);
        Assert.True(host.Primary.CallTimes[1] > host.Primary.CallTimes[0], "the retry delay did not run on the container's clock");
        Assert.Equal(Timeout.InfiniteTimeSpan, host.ClientTimeout); // the pipeline's total timeout bounds the call
    }

    [Fact]
    public async Task RemoveFaxResilienceHandler_takes_it_out_and_restores_the_client_timeout()
    {
        await using var host = new Host(b => b.RemoveFaxResilienceHandler(), o => o.Timeout = TimeSpan.FromSeconds(12), ScriptedHandler.Status(503), ScriptedHandler.Ok(PhaxioOk));

        var error = await Assert.ThrowsAsync<FaxProviderUnavailableException>(() => host.Status());

        Assert.Equal(HttpStatusCode.ServiceUnavailable, error.StatusCode);
        Assert.Equal(1, host.Primary.Calls);
        Assert.Equal(TimeSpan.FromSeconds(12), host.ClientTimeout);
    }

    [Fact]
    public async Task ReplaceFaxResilienceHandler_puts_the_users_handler_first()
    {
        var seen = new List<string>();
        await using var host = new Host(
            b => b.ReplaceFaxResilienceHandler(_ => new Recorder(seen, "replacement")).AddHttpMessageHandler(() => new Recorder(seen, "inner")),
            null,
            ScriptedHandler.Status(503));

        await Assert.ThrowsAsync<FaxProviderUnavailableException>(() => host.Status());

        Assert.Equal(["replacement", "inner"], seen);
        Assert.Equal(1, host.Primary.Calls);
        Assert.Equal(TimeSpan.FromSeconds(30), host.ClientTimeout);
    }

    [Fact]
    public async Task Settings_bind_from_configuration_per_instance()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["FaxSdk:Phaxio:Resilience:MaxRetryAttempts"] = "1",
            ["FaxSdk:Phaxio:Resilience:TotalTimeout"] = "00:00:20",
        }).Build();
        await using var host = new Host(null, o => configuration.GetSection("FaxSdk:Phaxio").Bind(o), ScriptedHandler.Status(503));

        await Assert.ThrowsAsync<FaxProviderUnavailableException>(() => host.Clock.Drive(host.Status()));

        Assert.Equal(2, host.Primary.Calls);
        var options = host.Services.GetRequiredService<IOptionsMonitor<PhaxioOptions>>().Get(PhaxioClient);
        Assert.Equal(TimeSpan.FromSeconds(20), options.Resilience.TotalTimeout);
    }

    [Fact]
    public async Task Enabled_false_leaves_the_handler_out_and_keeps_the_client_timeout()
    {
        await using var host = new Host(null, o => o.Resilience.Enabled = false, ScriptedHandler.Status(503), ScriptedHandler.Ok(PhaxioOk));

        await Assert.ThrowsAsync<FaxProviderUnavailableException>(() => host.Status());

        Assert.Equal(1, host.Primary.Calls);
        Assert.Equal(TimeSpan.FromSeconds(30), host.ClientTimeout);
    }

    [Fact]
    public async Task Invalid_resilience_settings_fail_options_validation()
    {
        await using var host = new Host(null, o => o.Resilience.MaxRetryAttempts = 1000);

        var error = Assert.Throws<OptionsValidationException>(() => host.Services.GetRequiredService<IOptionsMonitor<PhaxioOptions>>().Get(PhaxioClient));

        Assert.Contains("The field FaxSdk:Phaxio:Resilience:MaxRetryAttempts must be between 0 and 100.", error.Failures);
    }

    [Fact]
    public async Task The_circuit_breaker_state_survives_handler_rotation()
    {
        await using var host = new Host(null, o => { o.Resilience.MaxRetryAttempts = 0; o.Resilience.CircuitBreakerMinimumThroughput = 2; }, ScriptedHandler.Status(503));
        using var first = new HttpClient(host.NewHandlerChain());
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await first.GetAsync(new Uri("https://api.phaxio.com/v2.1/faxes/1"))).StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await first.GetAsync(new Uri("https://api.phaxio.com/v2.1/faxes/1"))).StatusCode);

        using var rotated = new HttpClient(host.NewHandlerChain());
        await Assert.ThrowsAsync<BrokenCircuitException>(() => rotated.GetAsync(new Uri("https://api.phaxio.com/v2.1/faxes/1")));

        Assert.Equal(2, host.Primary.Calls);
    }

    [Theory]
    [InlineData("concord")]
    [InlineData("pantarey")]
    [InlineData("retarus")]
    public async Task Read_only_and_delete_posts_of_the_providers_are_marked_idempotent_and_retried(string provider)
    {
        var clock = VirtualTime.NewClock();
        var posts = new List<bool>();
        var primary = new ScriptedHandler(clock, ScriptedHandler.Status(503), ScriptedHandler.Ok("""{"reports":[{"jobId":"A","deleted":true},{"jobId":"B","deleted":true}]}"""));
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(clock);
        var fax = services.AddFaxSdk();
        var client = provider switch
        {
            "concord" => fax.AddConcord(o => { o.UserId = "u"; o.AccessToken = "t"; }),
            "pantarey" => fax.AddPantarey(o => { o.BaseAddress = new Uri("https://pantarey.example/query"); o.BearerToken = "t"; }),
            _ => fax.AddRetarus(o =>
            {
                o.CustomerNumber = "c";
                o.Username = "u";
                o.Password = "p";
                o.DataCenters = new Dictionary<string, Uri> { ["DE1"] = new("https://de1.retarus.example/rest/v1/") };
            }),
        };
        client.AddHttpMessageHandler(() => new Recorder(null, "", r => { if (r.Method == HttpMethod.Post) { posts.Add(FaxResilience.IsRetryable(r)); } }))
            .ConfigurePrimaryHttpMessageHandler(() => primary);
        await using var sp = services.BuildServiceProvider();
        var resolved = sp.GetRequiredService<IFaxStatusProviderResolver>().GetProvider(provider);

        var call = provider == "retarus"
            ? ((IFaxReportFeedProvider)resolved).AcknowledgeAsync(
                [
                    new FaxReport { Status = new FaxJobStatus { Provider = "retarus", JobId = "A" }, Locations = ["DE1"] },
                    new FaxReport { Status = new FaxJobStatus { Provider = "retarus", JobId = "B" }, Locations = ["DE1"] },
                ])
            : resolved.GetStatusAsync(new FaxJobReference(provider, "A"));
        try
        {
            await clock.Drive(call);
        }
        catch (FaxSdkException)
        {
            // The canned answer need not parse for every provider; only the requests matter here.
        }

        Assert.Equal([true, true], posts); // the 503 was retried
    }

    private sealed class Recorder(List<string>? seen, string name, Action<HttpRequestMessage>? inspect = null) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            seen?.Add(name);
            inspect?.Invoke(request);
            return base.SendAsync(request, cancellationToken);
        }
    }
}
