namespace FaxSdk.Cli.Tests;

/// <summary>Runs <c>faxstatus</c> in-process and captures both streams.</summary>
internal static class CliRunner
{
    private static readonly Dictionary<string, string?> NoEnvironment = [];

    /// <summary>Runs with an empty environment (the test process's variables never leak in).</summary>
    public static Task<(int ExitCode, string Out, string Error)> RunAsync(params string[] args) => RunWithEnvironmentAsync(NoEnvironment, args);

    /// <summary>Runs with these environment variables (e.g. <c>FaxSdk__Phaxio__ApiKey</c>).</summary>
    public static Task<(int ExitCode, string Out, string Error)> RunWithEnvironmentAsync(IReadOnlyDictionary<string, string?> environment, params string[] args) =>
        RunAsync(environment, CancellationToken.None, args);

    /// <summary>Runs with these environment variables until done or <paramref name="cancellationToken"/> is cancelled.</summary>
    public static async Task<(int ExitCode, string Out, string Error)> RunAsync(IReadOnlyDictionary<string, string?> environment, CancellationToken cancellationToken, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await FaxStatusCli.RunAsync(args, new CliConsole(output, error) { Environment = environment }, cancellationToken);
        return (exitCode, output.ToString(), error.ToString());
    }

    /// <summary>The non-empty lines of a stream.</summary>
    public static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
