using System.Text.Json;
using FaxSdk.Serialization;
using FaxSdk.Testing;

namespace FaxSdk.Cli.Tests;

public sealed class ReportsCommandTests : IAsyncLifetime
{
    private EmulatorHost _host = null!;
    private string _config = null!;

    public async Task InitializeAsync()
    {
        _host = await EmulatorHost.StartVirtualAsync();
        _host.Emulator.AddJob(EmulatedJob.Succeeds("retarus", "RPT00000000000000000001", recipients: 2));
        _host.Emulator.AddJob(EmulatedJob.Fails("retarus", "RPT00000000000000000002", FaxFailureCategory.Busy) with { DataCenters = ["DE2"] });
        _host.Emulator.AddJob(EmulatedJob.Succeeds("retarus", "RPT00000000000000000003", step: TimeSpan.FromHours(1)));
        _host.Clock!.Advance(TimeSpan.FromMinutes(1));
        _config = await _host.WriteEmulatorConfigAsync();
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Without_ack_prints_the_reports_and_leaves_them_on_the_provider()
    {
        var first = await CliRunner.RunAsync("reports", "--config", _config, "--provider", "retarus");
        var again = await CliRunner.RunAsync("reports", "--config", _config, "--provider", "retarus", "--json");

        Assert.Equal(ExitCodes.Success, first.ExitCode);
        Assert.Contains("RPT00000000000000000001", first.Out, StringComparison.Ordinal);
        Assert.Contains("RPT00000000000000000002", first.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("RPT00000000000000000003", first.Out, StringComparison.Ordinal);
        Assert.Contains(CliRunner.Lines(first.Out), l => l.Contains("RPT00000000000000000002", StringComparison.Ordinal) && l.Contains("failed", StringComparison.Ordinal) && l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[^2..] is ["busy", "yes"]);
        Assert.Contains("2 report(s) left on the provider", first.Error, StringComparison.Ordinal);
        Assert.Empty(_host.Emulator.RetarusDeletedReports);

        Assert.Equal(ExitCodes.Success, again.ExitCode);
        var statuses = JsonSerializer.Deserialize(again.Out, FaxSdkJsonContext.Canonical.FaxJobStatusArray)!;
        Assert.Equal(
            [("RPT00000000000000000001", FaxJobState.Succeeded), ("RPT00000000000000000002", FaxJobState.Failed)],
            statuses.Select(s => (s.JobId, s.State)).Order());
        Assert.Empty(_host.Emulator.RetarusDeletedReports);
    }

    [Fact]
    public async Task With_ack_prints_then_deletes_the_reports()
    {
        var acked = await CliRunner.RunAsync("reports", "--config", _config, "--provider", "retarus", "--ack", "--json");
        var after = await CliRunner.RunAsync("reports", "--config", _config, "--provider", "retarus");

        Assert.Equal(ExitCodes.Success, acked.ExitCode);
        Assert.Equal(2, JsonSerializer.Deserialize(acked.Out, FaxSdkJsonContext.Canonical.FaxJobStatusArray)!.Length);
        Assert.Contains("acknowledged 2 report(s)", acked.Error, StringComparison.Ordinal);
        Assert.Equal(
            [("DE1", "RPT00000000000000000001"), ("DE2", "RPT00000000000000000002")],
            _host.Emulator.RetarusDeletedReports.Order());

        Assert.Equal(ExitCodes.Success, after.ExitCode);
        Assert.Equal("No reports waiting.", after.Out.Trim());
    }

    [Fact]
    public async Task A_provider_without_a_feed_is_a_usage_error()
    {
        var (exitCode, output, error) = await CliRunner.RunAsync("reports", "--config", _config, "--provider", "phaxio");

        Assert.Equal(ExitCodes.UsageError, exitCode);
        Assert.Empty(output);
        var line = Assert.Single(CliRunner.Lines(error));
        Assert.Contains("provider 'phaxio' has no report feed", line, StringComparison.Ordinal);
        Assert.Contains("retarus", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Wrong_credentials_are_a_provider_error_without_credentials()
    {
        var config = _host.WriteConfig(_host.Settings(("FaxSdk:Retarus:Password", "not-the-password")));

        var (exitCode, _, error) = await CliRunner.RunAsync("reports", "--config", config, "--provider", "retarus", "--ack");

        Assert.Equal(ExitCodes.ProviderError, exitCode);
        Assert.Contains("authentication failed", Assert.Single(CliRunner.Lines(error)), StringComparison.Ordinal);
        Assert.DoesNotContain("not-the-password", error, StringComparison.Ordinal);
        Assert.Empty(_host.Emulator.RetarusDeletedReports);
    }
}
