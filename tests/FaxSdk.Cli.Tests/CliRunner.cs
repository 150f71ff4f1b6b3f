namespace FaxSdk.Cli.Tests;

/// <summary>Runs <c>faxstatus</c> in-process and captures both streams.</summary>
internal static class CliRunner
{
    public static async Task<(int ExitCode, string Out, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await FaxStatusCli.RunAsync(args, output, error);
        return (exitCode, output.ToString(), error.ToString());
    }
}
