using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using FaxSdk.Serialization;

namespace FaxSdk.Cli.Commands;

/// <summary><c>faxstatus demo</c>: shows the canonical model at work, with no configuration at all.</summary>
internal static class DemoCommand
{
    public static Command Create(CliConsole console)
    {
        var json = new Option<bool>("--json") { Description = "Print the canonical JSON array instead of the table." };
        var command = new Command("demo", """
            Show how provider statuses become one canonical model, with no configuration.
            Example: faxstatus demo --json
            """)
        {
            json,
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var statuses = DemoExamples.Create().Select(FaxOutcomeRule.Apply).ToArray();
            if (parseResult.GetValue(json))
            {
                await console.Out.WriteLineAsync(JsonSerializer.Serialize(statuses, FaxSdkJsonContext.Canonical.FaxJobStatusArray)).ConfigureAwait(false);
                return ExitCodes.Success;
            }

            await WriteTableAsync(console.Out, statuses, cancellationToken).ConfigureAwait(false);
            return ExitCodes.Success;
        });
        return command;
    }

    private static async Task WriteTableAsync(TextWriter output, IReadOnlyList<FaxJobStatus> statuses, CancellationToken cancellationToken)
    {
        await output.WriteLineAsync("Provider statuses, as each provider reports them, in one canonical model:").ConfigureAwait(false);
        await output.WriteLineAsync().ConfigureAwait(false);
        await output.WriteLineAsync(string.Format(CultureInfo.InvariantCulture, "{0,-9} {1,-24} {2,-15} {3,-19} {4}", "PROVIDER", "JOB", "REPORTED", "CANONICAL", "RECIPIENTS")).ConfigureAwait(false);
        foreach (var status in statuses)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var recipients = string.Join("; ", status.Recipients.Select(r =>
                r.Error is null
                    ? $"{r.FaxNumber} {Camel(r.State.ToString())}"
                    : $"{r.FaxNumber} {Camel(r.State.ToString())} ({Camel(r.Error.Category.ToString())}, {(r.Error.IsRetryable ? "retryable" : "do not retry")})"));
            await output.WriteLineAsync(string.Format(CultureInfo.InvariantCulture, "{0,-9} {1,-24} {2,-15} {3,-19} {4}",
                status.Provider, Truncate(status.JobId, 24), status.ProviderStatus, Camel(status.State.ToString()), recipients)).ConfigureAwait(false);
        }

        await output.WriteLineAsync().ConfigureAwait(false);
        await output.WriteLineAsync("Run 'faxstatus demo --json' for the canonical JSON.").ConfigureAwait(false);
    }

    private static string Camel(string name) => char.ToLowerInvariant(name[0]) + name[1..];

    private static string Truncate(string value, int length) => value.Length <= length ? value : value[..(length - 1)] + "…";
}
