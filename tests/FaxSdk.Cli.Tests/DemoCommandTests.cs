using System.Text.Json;
using FaxSdk.Serialization;

namespace FaxSdk.Cli.Tests;

public class DemoCommandTests
{
    [Fact]
    public async Task Demo_prints_a_table_and_exits_zero()
    {
        var (exitCode, output, error) = await CliRunner.RunAsync("demo");

        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Empty(error);
        Assert.Contains("PROVIDER", output, StringComparison.Ordinal);
        Assert.Contains("partiallySucceeded", output, StringComparison.Ordinal);
        Assert.Contains("unconfirmedDelivery, do not retry", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Demo_json_is_a_canonical_array_that_applies_the_outcome_rule()
    {
        var (exitCode, output, _) = await CliRunner.RunAsync("demo", "--json");

        Assert.Equal(ExitCodes.Success, exitCode);
        var statuses = JsonSerializer.Deserialize(output, FaxSdkJsonContext.Canonical.FaxJobStatusArray)!;
        Assert.Equal(["pantarey", "phaxio", "stonefax", "retarus", "concord"], statuses.Select(s => s.Provider));
        var pantarey = statuses[0];
        Assert.Equal("finished", pantarey.ProviderStatus);
        Assert.Equal(FaxJobState.PartiallySucceeded, pantarey.State);
        var stonefax = statuses[2];
        Assert.Equal(FaxFailureCategory.InvalidNumber, stonefax.Recipients[0].Error!.Category);
        Assert.Contains("\"faxNumber\":\"+15558675309\"", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_command_is_a_usage_error_on_stderr()
    {
        var (exitCode, output, error) = await CliRunner.RunAsync("frobnicate");

        Assert.Equal(ExitCodes.UsageError, exitCode);
        Assert.Empty(output);
        Assert.Contains("frobnicate", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_lists_the_demo_command_with_an_example()
    {
        var (exitCode, output, _) = await CliRunner.RunAsync("demo", "--help");

        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Contains("Example: faxstatus demo --json", output, StringComparison.Ordinal);
    }
}
