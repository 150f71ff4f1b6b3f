namespace FaxSdk.Cli.Tests;

public class DemoCommandTests
{
    [Fact]
    public async Task Demo_tracks_every_seeded_job_to_its_expected_final_state_and_summarises()
    {
        var (exitCode, output, error) = await CliRunner.RunAsync("demo", "--timeout", "80");

        Assert.True(exitCode == ExitCodes.Success, $"exit {exitCode}: {error}\n{output}");
        Assert.Empty(error);
        var lines = CliRunner.Lines(output);
        Assert.StartsWith("faxstatus demo: emulator listening on http://127.0.0.1:", lines[0], StringComparison.Ordinal);
        Assert.Contains("tracking 19 jobs", lines[0], StringComparison.Ordinal);

        // Redirected output: one plain line per change, no terminal control sequences.
        Assert.DoesNotContain('\u001b', output);
        Assert.Contains(lines, l => l.Contains("phaxio:1004", StringComparison.Ordinal) && l.Contains("retryScheduled", StringComparison.Ordinal));

        var summary = lines[Array.IndexOf(lines, "Summary: jobs per provider and final state")..];
        Assert.Equal(["PROVIDER", "JOBS", "succeeded", "partiallySucceeded", "failed", "canceled", "NOT", "FINAL", "AS", "EXPECTED"], Cells(summary[1]));
        Assert.Equal(["phaxio", "4", "2", "1", "1", "0", "0", "4/4"], Cells(summary[2]));
        Assert.Equal(["stonefax", "3", "1", "0", "1", "1", "0", "3/3"], Cells(summary[3]));
        Assert.Equal(["pantarey", "5", "2", "1", "1", "1", "0", "5/5"], Cells(summary[4]));
        Assert.Equal(["concord", "3", "2", "0", "1", "0", "0", "3/3"], Cells(summary[5]));
        Assert.Equal(["retarus", "4", "1", "1", "1", "1", "0", "4/4"], Cells(summary[6]));
        Assert.Equal(["total", "19", "8", "3", "5", "3", "0", "19/19"], Cells(summary[7]));
        Assert.Contains("Final states:  succeeded 8, partiallySucceeded 3, failed 5, canceled 3", summary);
        Assert.Contains(summary, l => l.StartsWith("Retries made:", StringComparison.Ordinal));
        Assert.Contains(summary, l => l.StartsWith("Failed polls:  0", StringComparison.Ordinal));
        Assert.Contains(summary, l => l.StartsWith("Time taken:", StringComparison.Ordinal));
        Assert.Equal("All 19 jobs are final, each in the state the emulator scripted.", lines[^1]);
    }

    [Fact]
    public async Task Demo_with_faults_still_reaches_every_expected_state_and_counts_the_failed_polls()
    {
        var (exitCode, output, error) = await CliRunner.RunAsync("demo", "--fault-rate", "0.3", "--seed", "7", "--timeout", "80");

        Assert.True(exitCode == ExitCodes.Success, $"exit {exitCode}: {error}\n{output}");
        var lines = CliRunner.Lines(output);
        Assert.Contains("(fault rate 30%)", lines[0], StringComparison.Ordinal);
        Assert.Contains(lines, l => l.Contains("poll failed, trying again later", StringComparison.Ordinal));
        var failedPolls = lines.Single(l => l.StartsWith("Failed polls:", StringComparison.Ordinal));
        Assert.DoesNotContain("Failed polls:  0 ", failedPolls, StringComparison.Ordinal);
        Assert.Equal(["total", "19", "8", "3", "5", "3", "0", "19/19"], Cells(lines.Single(l => l.StartsWith("total", StringComparison.Ordinal))));
        Assert.Equal("All 19 jobs are final, each in the state the emulator scripted.", lines[^1]);
    }

    [Theory]
    [InlineData("--fault-rate", "1.5")]
    [InlineData("--fault-rate", "-0.1")]
    [InlineData("--timeout", "0")]
    public async Task Out_of_range_options_are_usage_errors(string option, string value)
    {
        var (exitCode, output, error) = await CliRunner.RunAsync("demo", option, value);

        Assert.Equal(ExitCodes.UsageError, exitCode);
        Assert.Empty(output);
        Assert.Contains(option, error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_command_is_a_usage_error_on_stderr()
    {
        var (exitCode, output, error) = await CliRunner.RunAsync("frobnicate");

        Assert.Equal(ExitCodes.UsageError, exitCode);
        Assert.Empty(output);
        Assert.Contains("frobnicate", error, StringComparison.Ordinal);
    }

    private static string[] Cells(string line) => line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
}
