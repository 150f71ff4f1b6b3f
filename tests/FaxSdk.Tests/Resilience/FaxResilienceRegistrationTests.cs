#pragma warning disable EXTEXP0001 // RemoveAllResilienceHandlers is marked experimental by Microsoft.Extensions.Http.Resilience.

using System.Net;
using FaxSdk.Phaxio;
using FaxSdk.Resilience;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using Polly;
using Polly.CircuitBreaker;

namespace FaxSdk.Tests.Resilience;

/// <summary>How FaxSdk puts the library's pipeline into every provider client, and how users take it out or replace it.</summary>
public class FaxResilienceRegistrationTests
{
    [Fact]
    public async Task A_provider_gets_the_librarys_resilience_handler_by_default_with_time_from_the_container()
    {
        using var rig = new ResilienceRig(configure: null, ScriptedHandler.Status(503), ScriptedHandler.Ok(ResilienceRig.PhaxioOk));

        var status = await rig.Clock.Drive(rig.Status());

        Assert.Equal(FaxJobState.Succeeded, status.State);
        Assert.Equal(2, rig.Inner.Calls);
        Assert.True(rig.Inner.CallTimes[1] > rig.Inner.CallTimes[0], "the retry delay did not run on the container's clock");
        Assert.Equal(Timeout.InfiniteTimeSpan, rig.Client.Timeout); // the pipeline's timeouts bound the call
        Assert.Single(Chain(rig.NewHandlerChain()).OfType<ResilienceHandler>());
    }

    [Fact]
    public async Task RemoveAllResilienceHandlers_takes_the_pipeline_out_and_the_providers_timeout_bounds_the_call()
    {
        using var rig = new ResilienceRig(
            new ResilienceRig.Setup { Client = b => b.RemoveAllResilienceHandlers(), Provider = o => o.Timeout = TimeSpan.FromSeconds(12) },
            ScriptedHandler.Status(503), ScriptedHandler.Hang());

        var unavailable = await Assert.ThrowsAsync<FaxProviderUnavailableException>(() => rig.Send());
        var start = rig.Clock.GetUtcNow();
        var timedOut = await Assert.ThrowsAsync<FaxProviderUnavailableException>(() => rig.SendDriven());

        Assert.Equal(HttpStatusCode.ServiceUnavailable, unavailable.StatusCode); // not retried
        Assert.Equal(2, rig.Inner.Calls);
        Assert.Empty(Chain(rig.NewHandlerChain()).OfType<ResilienceHandler>());
        Assert.Equal(Timeout.InfiniteTimeSpan, rig.Client.Timeout);
        Assert.Contains("timed out (no complete answer within the timeout of 12 s (FaxProviderOptions.Timeout))", timedOut.Message, StringComparison.Ordinal);
        Assert.InRange(rig.Clock.GetUtcNow() - start, TimeSpan.FromSeconds(12), TimeSpan.FromSeconds(17)); // 250 ms steps; a loaded machine may run a few more before the timeout's continuation
    }

    [Fact]
    public async Task A_users_own_pipeline_replaces_FaxSdks_and_its_attempt_timeout_covers_the_body()
    {
        var attempts = 0;
        using var rig = new ResilienceRig(
            new ResilienceRig.Setup
            {
                Client = b => b.RemoveAllResilienceHandlers().AddResilienceHandler("mine", p => p
                    .AddRetry(new HttpRetryStrategyOptions { MaxRetryAttempts = 1, Delay = TimeSpan.Zero, OnRetry = _ => { attempts++; return default; } })
                    .AddTimeout(TimeSpan.FromSeconds(2))),
            },
            ScriptedHandler.Stall(), ScriptedHandler.Ok());

        await rig.SendDriven();

        Assert.Equal(2, rig.Inner.Calls); // the stalled body timed out within the user's attempt, and their retry ran
        Assert.Equal(1, attempts);
        Assert.True(rig.Inner.CallTimes[1] - rig.Inner.CallTimes[0] >= TimeSpan.FromSeconds(2));
        Assert.IsType<ResilienceHandler>(Assert.Single(Chain(rig.NewHandlerChain()).OfType<ResilienceHandler>()));
    }

    [Fact]
    public async Task Enabled_false_leaves_the_pipeline_empty_and_the_providers_timeout_bounds_the_call()
    {
        using var rig = new ResilienceRig(
            new ResilienceRig.Setup { Resilience = o => o.Enabled = false, Provider = o => o.Timeout = TimeSpan.FromSeconds(3) },
            ScriptedHandler.Status(503), ScriptedHandler.Hang());

        await Assert.ThrowsAsync<FaxProviderUnavailableException>(() => rig.Send());
        var start = rig.Clock.GetUtcNow();
        await Assert.ThrowsAsync<FaxProviderUnavailableException>(() => rig.SendDriven());

        Assert.Equal(2, rig.Inner.Calls); // the 503 was not retried
        Assert.InRange(rig.Clock.GetUtcNow() - start, TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(8)); // slack: see above
        Assert.Empty(rig.Logs.PollyEvents);
    }

    [Fact]
    public async Task Each_instance_reads_its_own_resilience_section_from_configuration()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["FaxSdk:Phaxio:Resilience:MaxRetryAttempts"] = "5",
        }).Build();
        using var rig = new ResilienceRig(new ResilienceRig.Setup { Configuration = configuration }, ScriptedHandler.Status(503));
        configuration[$"FaxSdk:Phaxio:Instances:{rig.Instance}:Resilience:MaxRetryAttempts"] = "1";
        configuration[$"FaxSdk:Phaxio:Instances:{rig.Instance}:Resilience:TotalTimeout"] = "00:00:20";

        await Assert.ThrowsAsync<FaxProviderUnavailableException>(() => rig.SendDriven());

        Assert.Equal(2, rig.Inner.Calls); // 1 + the instance's MaxRetryAttempts, not the default instance's 5 nor the built-in 3
        Assert.Equal(TimeSpan.FromSeconds(20), rig.Options.Resilience.TotalTimeout);
    }

    [Fact]
    public void Invalid_resilience_settings_fail_options_validation()
    {
        using var rig = new ResilienceRig(o => o.MaxRetryAttempts = 1000);

        var error = Assert.Throws<OptionsValidationException>(() => rig.Options);

        Assert.Contains($"The field FaxSdk:Phaxio:Instances:{rig.Instance}:Resilience:MaxRetryAttempts must be between 0 and 100.", error.Failures);
    }

    [Fact]
    public async Task The_circuit_breaker_state_survives_handler_rotation()
    {
        using var rig = new ResilienceRig(o => { o.MaxRetryAttempts = 0; o.CircuitBreakerMinimumThroughput = 2; }, ScriptedHandler.Status(503));
        using var first = new HttpClient(rig.NewHandlerChain());
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await first.GetAsync(new Uri("https://api.phaxio.com/v2.1/faxes/1"))).StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await first.GetAsync(new Uri("https://api.phaxio.com/v2.1/faxes/1"))).StatusCode);

        using var rotated = new HttpClient(rig.NewHandlerChain());
        await Assert.ThrowsAsync<BrokenCircuitException>(() => rotated.GetAsync(new Uri("https://api.phaxio.com/v2.1/faxes/1")));

        Assert.Equal(2, rig.Inner.Calls);
    }

    [Fact]
    public void A_configuration_reload_reaches_the_instance_settings()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection().Build();
        using var rig = new ResilienceRig(new ResilienceRig.Setup { Configuration = configuration });
        var before = rig.Options.Resilience.MaxRetryAttempts;

        configuration[$"FaxSdk:Phaxio:Instances:{rig.Instance}:Resilience:MaxRetryAttempts"] = (before + 2).ToString(System.Globalization.CultureInfo.InvariantCulture);
        configuration.Reload();

        Assert.Equal(before + 2, rig.Options.Resilience.MaxRetryAttempts);
    }

    [Fact]
    public async Task The_circuit_breaker_state_survives_a_reload_that_leaves_the_resilience_settings_as_they_were()
    {
        ManualReload? reload = null;
        var breakDuration = TimeSpan.FromSeconds(15);
        using var rig = new ResilienceRig(
            new ResilienceRig.Setup
            {
                Resilience = o => { o.MaxRetryAttempts = 0; o.CircuitBreakerMinimumThroughput = 2; o.CircuitBreakerBreakDuration = breakDuration; },
                Client = b => b.Services.AddSingleton<IOptionsChangeTokenSource<PhaxioOptions>>(reload = new ManualReload(b.Name)),
            },
            ScriptedHandler.Status(503), ScriptedHandler.Status(503), ScriptedHandler.Ok());
        await Assert.ThrowsAsync<FaxProviderUnavailableException>(() => rig.Send());
        await Assert.ThrowsAsync<FaxProviderUnavailableException>(() => rig.Send());

        reload!.Fire(); // e.g. appsettings.json saved with another setting changed
        var stillOpen = await Assert.ThrowsAsync<FaxProviderUnavailableException>(() => rig.Send());

        Assert.IsType<BrokenCircuitException>(stillOpen.InnerException);
        Assert.Equal(2, rig.Inner.Calls);

        breakDuration = TimeSpan.FromSeconds(20);
        reload.Fire(); // a resilience setting changed: the pipeline is rebuilt with it, and a new circuit breaker
        await rig.Send();

        Assert.Equal(3, rig.Inner.Calls);
        Assert.Equal(TimeSpan.FromSeconds(20), rig.Options.Resilience.CircuitBreakerBreakDuration);
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
        client.AddHttpMessageHandler(() => new Recorder(r => { if (r.Method == HttpMethod.Post) { posts.Add(FaxResilience.IsRetryable(r)); } }))
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

    private static IEnumerable<HttpMessageHandler> Chain(HttpMessageHandler handler)
    {
        for (var current = handler; current is not null; current = (current as DelegatingHandler)?.InnerHandler)
        {
            yield return current;
        }
    }

    private sealed class Recorder(Action<HttpRequestMessage> inspect) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            inspect(request);
            return base.SendAsync(request, cancellationToken);
        }
    }

    /// <summary>Signals that a provider instance's options changed, as a configuration reload does.</summary>
    private sealed class ManualReload(string name) : IOptionsChangeTokenSource<PhaxioOptions>
    {
        private CancellationTokenSource _source = new();

        public string Name => name;

        public IChangeToken GetChangeToken() => new CancellationChangeToken(_source.Token);

        public void Fire() => Interlocked.Exchange(ref _source, new CancellationTokenSource()).Cancel();
    }
}
