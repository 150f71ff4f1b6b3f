namespace FaxSdk.Cli.Tests;

public class HelpTests
{
    [Theory]
    [InlineData("status", "Example: faxstatus status --config faxsdk.json --provider phaxio 1001 1002")]
    [InlineData("watch", "Example: faxstatus watch --config faxsdk.json --provider phaxio 1001 --timeout 120")]
    [InlineData("reports", "Example: faxstatus reports --config faxsdk.json --provider retarus --ack")]
    [InlineData("demo", "Example: faxstatus demo --fault-rate 0.3")]
    [InlineData("parse", "Example: faxstatus parse --provider phaxio response.json")]
    [InlineData("listen", "Example: faxstatus listen --config faxsdk.json --port 5090")]
    [InlineData("track", "Example: faxstatus track add --store sqlite:fax.db --provider phaxio 1001 1002")]
    [InlineData("track add", "Example: faxstatus track add --store sqlite:fax.db --provider phaxio 1001 1002")]
    [InlineData("track run", "Example: faxstatus track run --config faxsdk.json --store sqlite:fax.db --until-idle")]
    [InlineData("track list", "Example: faxstatus track list --store sqlite:fax.db --json")]
    public async Task Every_command_has_help_with_an_example(string command, string example)
    {
        var (exitCode, output, _) = await CliRunner.RunAsync([.. command.Split(' '), "--help"]);

        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Contains(example, output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Root_help_lists_every_command()
    {
        var (exitCode, output, _) = await CliRunner.RunAsync("--help");

        Assert.Equal(ExitCodes.Success, exitCode);
        foreach (var command in new[] { "status", "watch", "reports", "demo", "parse", "listen", "track" })
        {
            Assert.Contains($"  {command}", output, StringComparison.Ordinal);
        }
    }
}
