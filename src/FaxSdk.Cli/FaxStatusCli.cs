using System.CommandLine;
using FaxSdk.Cli.Commands;

namespace FaxSdk.Cli;

/// <summary>The <c>faxstatus</c> command line, runnable in-process (tests) or from <c>Main</c>.</summary>
internal static class FaxStatusCli
{
    /// <summary>Runs the command line.</summary>
    /// <param name="args">The arguments, without the program name.</param>
    /// <param name="output">Where results go (standard output).</param>
    /// <param name="error">Where diagnostics go (standard error).</param>
    /// <param name="cancellationToken">Cancels a running command.</param>
    /// <returns>The process exit code (see <see cref="ExitCodes"/>).</returns>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
    {
        var console = new CliConsole(output, error) { IsTerminal = ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected };
        return await RunAsync(args, console, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Runs the command line with a given console (tests pass their own environment variables).</summary>
    /// <param name="args">The arguments, without the program name.</param>
    /// <param name="console">The streams and surroundings.</param>
    /// <param name="cancellationToken">Cancels a running command.</param>
    /// <returns>The process exit code.</returns>
    internal static async Task<int> RunAsync(string[] args, CliConsole console, CancellationToken cancellationToken)
    {
        var (output, error) = (console.Out, console.Error);
        var root = new RootCommand("faxstatus: where your fax jobs stand, whichever provider sent them.");
        root.Subcommands.Add(DemoCommand.Create(console));
        root.Subcommands.Add(EmulatorCommand.Create(console));
        root.Subcommands.Add(ListenCommand.Create(console));
        root.Subcommands.Add(ParseCommand.Create(console));
        root.Subcommands.Add(StatusCommand.Create(console));
        root.Subcommands.Add(WatchCommand.Create(console));
        root.Subcommands.Add(ReportsCommand.Create(console));
        root.Subcommands.Add(TrackCommand.Create(console));

        var parseResult = root.Parse(args);
        if (parseResult.Errors.Count > 0)
        {
            foreach (var parseError in parseResult.Errors)
            {
                await error.WriteLineAsync($"faxstatus: {parseError.Message}").ConfigureAwait(false);
            }

            await error.WriteLineAsync("Run 'faxstatus --help' for usage.").ConfigureAwait(false);
            return ExitCodes.UsageError;
        }

        var configuration = new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false };
        try
        {
            return await parseResult.InvokeAsync(configuration, cancellationToken).ConfigureAwait(false);
        }
        catch (FaxInvalidJobIdException exception)
        {
            // An empty job id, '.', '..' or one with control characters: refused before anything was sent.
            await error.WriteLineAsync($"faxstatus: {Output.TerminalText.Escape(exception.Message.Split(" (Parameter", 2)[0])}").ConfigureAwait(false);
            return ExitCodes.InputError;
        }
    }
}
