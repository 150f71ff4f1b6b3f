using System.Text.Json;
using FaxSdk.Serialization;
using FaxSdk.Testing;

namespace FaxSdk.Cli.Tests;

public sealed class WatchCommandTests : IAsyncLifetime
{
    private static readonly Dictionary<string, string?> FastPolling = new()
    {
        ["FaxSdk__Client__Polling__MinimumInterval"] = "00:00:00.05",
        ["FaxSdk__Client__Polling__MaximumInterval"] = "00:00:00.2",
    };

    private EmulatorHost _host = null!;
    private string _config = null!;

    public async Task InitializeAsync()
    {
        _host = await EmulatorHost.StartRealTimeAsync();
        _config = await _host.WriteEmulatorConfigAsync();
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Prints_each_change_and_exits_0_once_final()
    {
        // The emulator runs on virtual time here: it reads its clock once per status request, and each read moves the
        // clock one step on, so every poll sees the job one step further.
        await using var host = await EmulatorHost.StartVirtualAsync();
        host.Emulator.AddJob(EmulatedJob.Fails("phaxio", "w1", FaxFailureCategory.Busy, step: TimeSpan.FromSeconds(1)));
        host.Clock!.AutoAdvanceAmount = TimeSpan.FromSeconds(1);
        var config = await host.WriteEmulatorConfigAsync();

        var (exitCode, output, error) = await CliRunner.RunWithEnvironmentAsync(FastPolling, "watch", "--config", config, "--provider", "phaxio", "w1", "--timeout", "30");
        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Empty(error);
        var lines = CliRunner.Lines(output);
        Assert.True(lines.Length >= 3, output);
        Assert.All(lines, l => Assert.Contains("] phaxio:w1 ", l, StringComparison.Ordinal));
        Assert.Contains("phaxio:w1 pending", lines[0], StringComparison.Ordinal);
        Assert.Contains(lines, l => l.Contains("phaxio:w1 inProgress", StringComparison.Ordinal));
        Assert.Contains("phaxio:w1 failed (failure): +15550100000 failed (busy, retryable)", lines[^1], StringComparison.Ordinal);
        Assert.DoesNotContain(lines[..^1], l => l.Contains("phaxio:w1 failed", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Json_ends_with_the_canonical_array_of_the_final_status()
    {
        _host.Emulator.AddJob(EmulatedJob.Succeeds("stonefax", "w2", step: TimeSpan.FromMilliseconds(100)));

        var (exitCode, output, error) = await CliRunner.RunWithEnvironmentAsync(FastPolling, "watch", "--config", _config, "--provider", "stonefax", "w2", "--json");

        Assert.Equal(ExitCodes.Success, exitCode);
        var status = Assert.Single(JsonSerializer.Deserialize(output, FaxSdkJsonContext.Canonical.FaxJobStatusArray)!);
        Assert.Equal(FaxJobState.Succeeded, status.State);
        Assert.Equal("w2", status.JobId);
        Assert.Contains("stonefax:w2 succeeded", CliRunner.Lines(error)[^1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Timeout_exits_5_with_a_clear_message()
    {
        _host.Emulator.AddJob(EmulatedJob.Succeeds("phaxio", "w3", step: TimeSpan.FromMinutes(10)));

        var (exitCode, output, error) = await CliRunner.RunWithEnvironmentAsync(FastPolling, "watch", "--config", _config, "--provider", "phaxio", "w3", "--timeout", "0.5");

        Assert.Equal(ExitCodes.Timeout, exitCode);
        Assert.NotEmpty(CliRunner.Lines(output));
        Assert.All(CliRunner.Lines(output), l => Assert.Contains("phaxio:w3 pending", l, StringComparison.Ordinal));
        var line = Assert.Single(CliRunner.Lines(error));
        Assert.StartsWith("faxstatus: timed out after 0.5 s waiting for phaxio:w3 to be final (last state ", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cancellation_ends_the_watch_with_its_own_exit_code()
    {
        _host.Emulator.AddJob(EmulatedJob.Succeeds("phaxio", "w4", step: TimeSpan.FromMinutes(10)));
        var output = new LockedStringWriter();
        var error = new LockedStringWriter();
        using var cancellation = new CancellationTokenSource();
        var watch = Task.Run(() => FaxStatusCli.RunAsync(["watch", "--config", _config, "--provider", "phaxio", "w4"], new CliConsole(output, error) { Environment = FastPolling }, cancellation.Token));

        // Cancelled while it watches: once it has printed the job's first status (or ended early, which fails below).
        await Task.WhenAny(output.WhenLinesAsync(1), watch).WaitAsync(TimeSpan.FromSeconds(30));
        Assert.False(watch.IsCompleted, $"stdout: {output}\nstderr: {error}");
        await cancellation.CancelAsync();

        Assert.Equal(ExitCodes.Cancelled, await watch.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Contains("phaxio:w4 pending", output.ToString(), StringComparison.Ordinal);
        Assert.Equal("faxstatus: cancelled.", Assert.Single(CliRunner.Lines(error.ToString())));
    }

    [Fact]
    public async Task Unknown_job_is_a_provider_error()
    {
        var (exitCode, _, error) = await CliRunner.RunWithEnvironmentAsync(FastPolling, "watch", "--config", _config, "--provider", "phaxio", "nope", "--timeout", "10");

        Assert.Equal(ExitCodes.ProviderError, exitCode);
        var line = Assert.Single(CliRunner.Lines(error));
        Assert.Contains("phaxio:nope", line, StringComparison.Ordinal);
        Assert.DoesNotContain(_host.Emulator.Credentials.PhaxioApiKey, line, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-3")]
    public async Task Non_positive_timeout_is_a_usage_error(string timeout)
    {
        var (exitCode, _, error) = await CliRunner.RunAsync("watch", "--config", _config, "--provider", "phaxio", "w1", "--timeout", timeout);

        Assert.Equal(ExitCodes.UsageError, exitCode);
        Assert.Contains("--timeout", error, StringComparison.Ordinal);
    }
}
