using System.Collections.Concurrent;
using FaxSdk.Tests.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace FaxSdk.Tests.Tracking;

/// <summary>AddTracking: the store, IFaxJobTracking, the hosted worker with DI completion handlers, options and the health check.</summary>
[Collection(FaxSdk.Tests.Tracking.TrackingWorkerCollection.Name)]
public class TrackingHostingTests : VirtualTimeClientTests
{
    private ServiceProvider Services(ScriptedProvider provider, Action<FaxTrackingBuilder> configure, IConfiguration? configuration = null)
    {
        provider.Clock = Clock;
        var services = new ServiceCollection()
            .AddSingleton<TimeProvider>(Clock)
            .AddSingleton<IFaxStatusProviderResolver>(new StaticResolver(provider))
            .AddSingleton<ConcurrentQueue<string>>()
            .AddSingleton(new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously))
            .AddLogging();
        var faxSdk = configuration is null ? services.AddFaxSdk() : services.AddFaxSdk(configuration);
        faxSdk.AddTracking(configure);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
    }

    [Fact]
    public async Task The_hosted_worker_migrates_the_store_polls_tracked_jobs_and_runs_scoped_completion_handlers()
    {
        var single = new ScriptedProvider("single");
        single.Script("a", FaxJobState.Succeeded);
        single.Script("b", FaxJobState.Failed);
        var migrated = false;
        var inner = new FaxInMemoryTrackingStore();
        await using var services = Services(single, t => t
            .UseStore(_ => new InterceptingStore(inner) { Before = (call, _) => migrated |= call == nameof(IFaxTrackingStore.MigrateAsync) })
            .Configure(o => o.WorkerName = "host-1")
            .AddCompletionHandler<QueueingHandler>());
        var tracking = services.GetRequiredService<IFaxJobTracking>();
        Assert.Equal(2, await tracking.TrackAsync([new FaxJobReference("single", "a"), new FaxJobReference("single", "b")]));
        Assert.Equal(0, await tracking.TrackAsync([new FaxJobReference("single", "a")]));
        var handled = services.GetRequiredService<ConcurrentQueue<string>>();
        var hosted = services.GetServices<IHostedService>().ToList();
        foreach (var service in hosted)
        {
            await Task.Run(() => service.StartAsync(CancellationToken.None));
        }

        // The jobs were due before the worker started: it finishes them without the clock moving. The real-time bound
        // only turns a bug into a failure instead of a hang.
        await services.GetRequiredService<TaskCompletionSource>().Task.WaitAsync(TimeSpan.FromSeconds(60));
        foreach (var service in hosted)
        {
            await service.StopAsync(CancellationToken.None);
        }

        Assert.True(migrated);
        Assert.Equal(["a:Succeeded", "b:Failed"], handled.Order());
        Assert.Equal("host-1", services.GetRequiredService<FaxTrackingWorker>().Name);
        Assert.All([await inner.GetAsync(new FaxJobReference("single", "a")), await inner.GetAsync(new FaxJobReference("single", "b"))], j => Assert.True(j!.CompletionHandled));
    }

    [Fact]
    public async Task The_health_check_is_healthy_degraded_when_jobs_pile_up_and_unhealthy_when_the_store_fails()
    {
        var single = new ScriptedProvider("single");
        var down = false;
        await using var services = Services(single, t => t
            .UseStore(_ => new InterceptingStore(new FaxInMemoryTrackingStore()) { Before = (_, _) => { if (down) { throw new InvalidOperationException("Host=db;Password=secret"); } } })
            .Configure(o => o.DegradedDueJobs = 2));
        var health = services.GetRequiredService<HealthCheckService>();
        var tracking = services.GetRequiredService<IFaxJobTracking>();

        await tracking.TrackAsync([new FaxJobReference("single", "a"), new FaxJobReference("single", "b")]);
        var healthy = await health.CheckHealthAsync();
        await tracking.TrackAsync([new FaxJobReference("single", "c")]);
        var degraded = await health.CheckHealthAsync();
        down = true;
        var unhealthy = await health.CheckHealthAsync();

        Assert.Equal(HealthStatus.Healthy, healthy.Entries[FaxTrackingServiceCollectionExtensions.HealthCheckName].Status);
        Assert.Equal(2L, healthy.Entries[FaxTrackingServiceCollectionExtensions.HealthCheckName].Data["due"]);
        Assert.Equal(HealthStatus.Degraded, degraded.Entries[FaxTrackingServiceCollectionExtensions.HealthCheckName].Status);
        var failed = unhealthy.Entries[FaxTrackingServiceCollectionExtensions.HealthCheckName];
        Assert.Equal(HealthStatus.Unhealthy, failed.Status);
        Assert.DoesNotContain("secret", failed.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Options_come_from_configuration_and_out_of_range_options_fail_at_start()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["FaxSdk:Tracking:WorkerName"] = "from-config",
            ["FaxSdk:Tracking:BatchSize"] = "50",
            ["FaxSdk:Tracking:LeaseDuration"] = "00:05:00",
            ["FaxSdk:Tracking:ErrorPolicy:MaxNotFoundPolls"] = "7",
        }).Build();
        await using (var services = Services(new ScriptedProvider("single"), t => t.UseInMemory(), configuration))
        {
            var options = services.GetRequiredService<IOptions<FaxTrackingOptions>>().Value;
            Assert.Equal(("from-config", 50, TimeSpan.FromMinutes(5), 7), (options.WorkerName, options.BatchSize, options.LeaseDuration, options.ErrorPolicy!.MaxNotFoundPolls));
            Assert.IsType<FaxInMemoryTrackingStore>(services.GetRequiredService<IFaxTrackingStore>());
        }

        await using var bad = Services(new ScriptedProvider("single"), t => t.Configure(o => o.PollTimeout = o.LeaseDuration));
        var error = Assert.Throws<OptionsValidationException>(() => bad.GetRequiredService<IOptions<FaxTrackingOptions>>().Value);
        Assert.Contains("FaxSdk:Tracking:PollTimeout", error.Message, StringComparison.Ordinal);
    }

    private sealed class QueueingHandler(ConcurrentQueue<string> handled, TaskCompletionSource twoHandled) : IFaxJobCompletionHandler
    {
        public Task HandleAsync(FaxJobUpdate completion, CancellationToken cancellationToken)
        {
            handled.Enqueue($"{completion.Job.JobId}:{completion.Status.State}");
            if (handled.Count == 2)
            {
                twoHandled.TrySetResult();
            }

            return Task.CompletedTask;
        }
    }
}
