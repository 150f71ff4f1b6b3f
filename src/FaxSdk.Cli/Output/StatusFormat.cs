using System.Globalization;
using System.Text.Json;
using FaxSdk.Serialization;

namespace FaxSdk.Cli.Output;

/// <summary>How the CLI shows canonical statuses: tables, one-line summaries and canonical JSON.</summary>
internal static class StatusFormat
{
    /// <summary>An enum value in the canonical JSON spelling (camelCase).</summary>
    /// <typeparam name="T">The enum.</typeparam>
    /// <param name="value">The value.</param>
    /// <returns><c>partiallySucceeded</c> for <c>PartiallySucceeded</c>.</returns>
    public static string Camel<T>(T value)
        where T : struct, Enum
    {
        var name = value.ToString();
        return char.ToLowerInvariant(name[0]) + name[1..];
    }

    /// <summary>
    /// One table of jobs with a row per recipient: job, state, provider status, and for each recipient its number,
    /// state, failure category and whether the failure is worth retrying.
    /// </summary>
    /// <param name="statuses">The statuses.</param>
    /// <returns>The table.</returns>
    public static TextTable Table(IEnumerable<FaxJobStatus> statuses)
    {
        var table = new TextTable("PROVIDER", "JOB", "STATE", "PROVIDER STATUS", "RECIPIENT", "RECIPIENT STATE", "FAILURE", "RETRYABLE");
        foreach (var status in statuses)
        {
            var jobFailure = status.Error is { } error ? Camel(error.Category) : null;
            var jobRetryable = status.Error is { } e ? YesNo(e.IsRetryable) : null;
            if (status.Recipients.Count == 0)
            {
                table.AddRow(status.Provider, status.JobId, Camel(status.State), status.ProviderStatus ?? "-", "-", "-", jobFailure ?? "-", jobRetryable ?? "-");
                continue;
            }

            for (var i = 0; i < status.Recipients.Count; i++)
            {
                var recipient = status.Recipients[i];
                table.AddRow(
                    i == 0 ? status.Provider : "",
                    i == 0 ? status.JobId : "",
                    i == 0 ? Camel(status.State) : "",
                    i == 0 ? status.ProviderStatus ?? "-" : "",
                    recipient.FaxNumber,
                    Camel(recipient.State),
                    recipient.Error is { } failure ? Camel(failure.Category) : "-",
                    recipient.Error is { } retry ? YesNo(retry.IsRetryable) : "-");
            }
        }

        return table;
    }

    /// <summary>One line for a status: state, provider status and each recipient's state (and failure); provider text has its control characters escaped.</summary>
    /// <param name="status">The status.</param>
    /// <returns>The line, without the job.</returns>
    public static string OneLine(FaxJobStatus status) => TerminalText.Escape(OneLineRaw(status));

    private static string OneLineRaw(FaxJobStatus status)
    {
        var recipients = string.Join(", ", status.Recipients.Select(r =>
            r.Error is { } error
                ? $"{r.FaxNumber} {Camel(r.State)} ({Camel(error.Category)}, {(error.IsRetryable ? "retryable" : "do not retry")})"
                : $"{r.FaxNumber} {Camel(r.State)}"));
        var provider = status.ProviderStatus is null ? "" : $" ({status.ProviderStatus})";
        return recipients.Length == 0 ? $"{Camel(status.State)}{provider}" : $"{Camel(status.State)}{provider}: {recipients}";
    }

    /// <summary>The canonical JSON array of statuses (what <c>faxstatus parse</c> prints).</summary>
    /// <param name="statuses">The statuses.</param>
    /// <returns>The JSON.</returns>
    public static string Json(IReadOnlyList<FaxJobStatus> statuses) =>
        JsonSerializer.Serialize(statuses, FaxSdkJsonContext.Canonical.IReadOnlyListFaxJobStatus);

    /// <summary>Seconds with one decimal, invariant.</summary>
    /// <param name="time">The time.</param>
    /// <returns><c>9.8 s</c>.</returns>
    public static string Seconds(TimeSpan time) => string.Create(CultureInfo.InvariantCulture, $"{time.TotalSeconds:0.0} s");

    private static string YesNo(bool value) => value ? "yes" : "no";
}
