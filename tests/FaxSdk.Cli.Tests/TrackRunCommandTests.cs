using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using FaxSdk.Testing;
using FaxSdk.Tracking.Sqlite;

namespace FaxSdk.Cli.Tests;

/// <summary><c>faxstatus track run</c> in-process against a real-time emulator with fast scripts and short intervals.</summary>
public sealed class TrackRunCommandTests : IAsyncLifetime
{
    private static readonly Dictionary<string, string?> Fast = new()
    {
        ["FaxSdk__Client__Polling__MinimumInterval"] = "00:00:00.05",
        ["FaxSdk__Client__Polling__MaximumInterval"] = "00:00:00.2",
        ["FaxSdk__Tracking__IdleDelay"] = "00:00:00.05",
        ["FaxSdk__Tracking__FeedInterval"] = "00:00:00.2",
        ["FaxSdk__Tracking__LeaseDuration"] = "00:00:30",
        ["FaxSdk__Tracking__PollTimeout"] = "00:00:20",
    };

    private EmulatorHost _host = null!;
    private string _config = null!;
    private string _directory = null!;

    private string StorePath => Path.Combine(_directory, "fax.db");

    private string Store => "sqlite:" + StorePath;

    public async Task InitializeAsync()
    {
        _host = await EmulatorHost.StartRealTimeAsync();
        _config = await _host.WriteEmulatorConfigAsync();
        _directory = Directory.CreateTempSubdirectory("faxstatus-run-").FullName;
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task Prints_one_final_line_per_job_in_its_scripted_state_and_exits_0_once_the_store_is_idle()
    {
        var jobs = _host.Emulator.SeedGeneratedJobs(3, seed: 4, TimeSpan.FromMilliseconds(50));
        foreach (var provider in jobs.GroupBy(j => j.Provider))
        {
            Assert.Equal(ExitCodes.Success, (await CliRunner.RunAsync(["track", "add", "--store", Store, "--provider", provider.Key, .. provider.Select(j => j.JobId)])).ExitCode);
        }

        var (exitCode, output, error) = await RunAsync("track", "run", "--config", _config, "--store", Store, "--worker", "test-worker", "--until-idle");

        Assert.Equal(ExitCodes.Success, exitCode);
        var expected = jobs.Select(j => $"final {j.Provider} {j.JobId} {Camel(j.ExpectedFinalState)}").Order(StringComparer.Ordinal);
        Assert.Equal(expected, CliRunner.Lines(output).Order(StringComparer.Ordinal));
        Assert.Equal($"faxstatus: worker test-worker tracking {Store} until idle", CliRunner.Lines(error)[0]);
        Assert.Equal("faxstatus: nothing left to track.", CliRunner.Lines(error)[^1]);

        using var list = JsonDocument.Parse((await CliRunner.RunAsync("track", "list", "--store", Store, "--json")).Out);
        Assert.All(list.RootElement.EnumerateArray(), j =>
        {
            Assert.True(j.GetProperty("completionHandled").GetBoolean());
            Assert.Equal(JsonValueKind.Null, j.GetProperty("leaseOwner").ValueKind);
        });
    }

    [Fact]
    public async Task A_stored_completion_not_yet_handled_is_printed_without_polling_the_job_again()
    {
        // A worker that died after storing the final status but before its completion was handled left this behind.
        var job = new FaxJobReference("phaxio", "stored-1");
        using (var store = new FaxSqliteTrackingStore(StorePath))
        {
            await store.MigrateAsync();
            await store.AddAsync([job], DateTimeOffset.UtcNow);
            await store.WriteStatusesAsync([(job, new FaxJobStatus { Provider = "phaxio", JobId = "stored-1", State = FaxJobState.PartiallySucceeded })]);
        }

        var (exitCode, output, _) = await RunAsync("track", "run", "--config", _config, "--store", Store, "--until-idle");

        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Equal(["final phaxio stored-1 partiallySucceeded"], CliRunner.Lines(output));
        Assert.DoesNotContain(_host.Emulator.Requests, r => r.RawTarget.Contains("stored-1", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_empty_store_is_idle_at_once()
    {
        var (exitCode, output, error) = await RunAsync("track", "run", "--config", _config, "--store", Store, "--until-idle");

        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Empty(output);
        Assert.Equal("faxstatus: nothing left to track.", CliRunner.Lines(error)[^1]);
    }

    [Theory]
    [InlineData(false, ExitCodes.Success)]
    [InlineData(true, ExitCodes.Cancelled)]
    public async Task Ctrl_C_stops_the_worker_normally_unless_it_was_asked_to_run_until_idle(bool untilIdle, int expected)
    {
        // A job that stays in progress for an hour: the worker would keep polling it.
        _host.Emulator.AddJob(EmulatedJob.Succeeds("phaxio", "slow-1", step: TimeSpan.FromHours(1)));
        Assert.Equal(ExitCodes.Success, (await CliRunner.RunAsync("track", "add", "--store", Store, "--provider", "phaxio", "slow-1")).ExitCode);
        using var cancellation = new CancellationTokenSource();
        string[] args = ["track", "run", "--config", _config, "--store", Store, .. untilIdle ? new[] { "--until-idle" } : []];
        var run = CliRunner.RunAsync(Fast, cancellation.Token, args);

        // Cancelled once the job has been polled at least once.
        while (!_host.Emulator.Requests.Any(r => r.RawTarget.Contains("slow-1", StringComparison.Ordinal)))
        {
            if (run.IsCompleted)
            {
                Assert.Fail($"ended before polling: {(await run).Error}");
            }

            await Task.Delay(20);
        }

        await cancellation.CancelAsync();
        var (exitCode, output, error) = await run.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(expected, exitCode);
        Assert.Empty(output);
        Assert.Equal("faxstatus: stopped.", CliRunner.Lines(error)[^1]);
    }

    [Fact]
    public async Task Tracking_settings_are_validated_like_the_providers_before_the_store_is_opened()
    {
        var config = _host.WriteConfig(_host.Settings(("FaxSdk:Tracking:LeaseDuration", "00:00:05"), ("FaxSdk:Tracking:PollTimeout", "00:00:10")));

        var (exitCode, output, error) = await CliRunner.RunAsync("track", "run", "--config", config, "--store", Store);

        Assert.Equal(ExitCodes.InputError, exitCode);
        Assert.Empty(output);
        Assert.StartsWith("faxstatus: configuration: ", error, StringComparison.Ordinal);
        Assert.Contains("PollTimeout", error, StringComparison.Ordinal);
        Assert.False(File.Exists(StorePath));
    }

    [Fact]
    public async Task Without_a_configured_provider_it_exits_3()
    {
        var (exitCode, _, error) = await CliRunner.RunAsync("track", "run", "--store", Store, "--until-idle");

        Assert.Equal(ExitCodes.InputError, exitCode);
        Assert.StartsWith("faxstatus: no provider is configured", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreachable_store_exits_6_without_its_password()
    {
        int port;
        using (var listener = new TcpListener(IPAddress.Loopback, 0))
        {
            listener.Start();
            port = ((IPEndPoint)listener.LocalEndpoint).Port;
        }

        var (exitCode, output, error) = await CliRunner.RunAsync("track", "run", "--config", _config, "--store", $"postgres:Host=127.0.0.1;Port={port};Password=s3cr3t-pw;Timeout=5", "--until-idle");

        Assert.Equal(ExitCodes.StoreError, exitCode);
        Assert.Empty(output);
        Assert.StartsWith($"faxstatus: store postgres:Host=127.0.0.1;Port={port};Timeout=5: ", error, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cr3t", error, StringComparison.Ordinal);
        Assert.DoesNotContain(_host.Secrets, s => error.Contains(s, StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_empty_worker_name_is_a_usage_error()
    {
        var (exitCode, _, error) = await CliRunner.RunAsync("track", "run", "--config", _config, "--store", Store, "--worker", " ");

        Assert.Equal(ExitCodes.UsageError, exitCode);
        Assert.StartsWith("faxstatus: --worker must not be empty.", error, StringComparison.Ordinal);
    }

    private static Task<(int ExitCode, string Out, string Error)> RunAsync(params string[] args) => CliRunner.RunAsync(Fast, CancellationToken.None, args);

    private static string Camel(FaxJobState state)
    {
        var name = state.ToString();
        return char.ToLowerInvariant(name[0]) + name[1..];
    }
}
