using System.Collections.Concurrent;
using FaxSdk.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace FaxSdk.Providers.Tests.Client;

public class ClientEndToEndTests
{
    [Fact]
    public async Task Every_seeded_job_reaches_its_expected_final_state_through_WaitForCompletionAsync()
    {
        await using var fixture = await ClientFixture.StartAsync();
        var jobs = fixture.Emulator.SeedDefaultJobs();

        var waits = jobs.Select(j => fixture.Client.WaitForCompletionAsync(ClientFixture.Reference(j), new FaxWaitOptions { Timeout = TimeSpan.FromMinutes(2) })).ToList();
        var results = await fixture.DriveAsync(Task.WhenAll(waits));

        Assert.All(results.Zip(jobs), pair =>
        {
            var (result, job) = pair;
            Assert.True(result.IsCompleted, $"{job.Provider} {job.JobId} timed out at {result.Status?.State}");
            Assert.Equal(job.ExpectedFinalState, result.Status!.State);
        });
    }

    [Fact]
    public async Task Every_seeded_job_reaches_its_expected_final_state_through_the_tracker_with_feed_and_batches()
    {
        await using var fixture = await ClientFixture.StartAsync();
        var jobs = fixture.Emulator.SeedDefaultJobs();
        var tracker = fixture.Client.CreateTracker(new FaxTrackerOptions { StopWhenAllCompleted = true, FeedInterval = TimeSpan.FromSeconds(1) });
        var completed = new ConcurrentDictionary<string, FaxJobState>();
        tracker.JobCompleted += (_, u) => Assert.True(completed.TryAdd($"{u.Job.Provider}:{u.Job.JobId}", u.Status.State), $"{u.Job} completed twice");
        tracker.Track(jobs.Select(ClientFixture.Reference));

        await fixture.DriveAsync(tracker.RunAsync().ContinueWith(t => t.IsCompletedSuccessfully, TaskScheduler.Default));

        Assert.Equal(jobs.ToDictionary(j => $"{j.Provider}:{j.JobId}", j => j.ExpectedFinalState).OrderBy(p => p.Key), completed.OrderBy(p => p.Key));
        // Concord ids were read in batches (POSTs carrying several ids), and Retarus reports were deleted once read.
        Assert.Contains(fixture.Emulator.Requests, r => r.Provider == "concord");
        Assert.Equal(
            jobs.Where(j => j.Provider == "retarus").SelectMany(j => j.DataCenters.Select(dc => (dc, j.JobId))).OrderBy(x => x.JobId).ThenBy(x => x.dc),
            fixture.Emulator.RetarusDeletedReports.OrderBy(x => x.JobId).ThenBy(x => x.DataCenter).Select(x => (x.DataCenter, x.JobId)));
    }

    [Fact]
    public async Task Named_instances_and_code_overrides_bind_from_configuration()
    {
        await using var fixture = await ClientFixture.StartAsync();
        var services = new ServiceCollection();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(fixture.Emulator.CreateConfiguration()).AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["FaxSdk:Phaxio:Instances:second:ApiKey"] = "key-2",
            ["FaxSdk:Phaxio:Instances:second:ApiSecret"] = "from-config",
            ["FaxSdk:StoneFax:ServerTimeZone"] = "Europe/Rome",
        }).Build();
        var fax = services.AddFaxSdk(configuration);
        fax.AddPhaxio();
        fax.AddPhaxio("second", o => { o.BaseAddress = fixture.Emulator.PhaxioBaseAddress; o.ApiSecret = "from-code"; });
        fax.AddStoneFax();
        await using var provider = services.BuildServiceProvider();

        var phaxio = provider.GetRequiredService<IOptionsMonitor<FaxSdk.Phaxio.PhaxioOptions>>();
        var first = phaxio.Get(FaxSdkServiceCollectionExtensions.OptionsName("phaxio", "default"));
        var second = phaxio.Get(FaxSdkServiceCollectionExtensions.OptionsName("phaxio", "second"));
        var stonefax = provider.GetRequiredService<IOptionsMonitor<FaxSdk.StoneFax.StoneFaxOptions>>().Get(FaxSdkServiceCollectionExtensions.OptionsName("stonefax", "default"));

        Assert.Equal(fixture.Emulator.Credentials.PhaxioApiKey, first.ApiKey);
        Assert.Equal(fixture.Emulator.PhaxioBaseAddress, first.BaseAddress);
        Assert.Equal("key-2", second.ApiKey);
        Assert.Equal("from-code", second.ApiSecret);
        Assert.Equal(["second"], fax.GetConfiguredInstanceNames("Phaxio"));
        Assert.Equal("Europe/Rome", stonefax.ServerTimeZone.Id);
    }

    [Fact]
    public async Task Missing_settings_are_reported_clearly_when_the_provider_is_first_used()
    {
        var services = new ServiceCollection();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["FaxSdk:Phaxio:BaseAddress"] = "https://api.phaxio.com/v2.1/",
        }).Build();
        services.AddFaxSdk(configuration).AddPhaxio();
        await using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<FaxStatusClient>();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => client.GetStatusAsync(new FaxJobReference("phaxio", "1")));

        Assert.Contains("ApiKey", error.Message, StringComparison.Ordinal);
        Assert.Contains("ApiSecret", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_host_refuses_to_start_with_every_missing_setting_named()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["FaxSdk:Phaxio:BaseAddress"] = "http://phaxio.example/v2.1/",
            ["FaxSdk:Retarus:Username"] = "user",
        });
        var fax = builder.Services.AddFaxSdk(builder.Configuration);
        fax.AddPhaxio();
        fax.AddRetarus();
        using var host = builder.Build();

        var error = await Assert.ThrowsAnyAsync<Exception>(() => host.StartAsync());

        var message = error is AggregateException aggregate ? string.Join("\n", aggregate.InnerExceptions.Select(e => e.Message)) : error.Message;
        Assert.Contains("ApiKey", message, StringComparison.Ordinal);
        Assert.Contains("plain http", message, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("CustomerNumber", message, StringComparison.Ordinal);
        Assert.Contains("Password", message, StringComparison.Ordinal);
    }
}
