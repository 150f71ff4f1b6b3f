using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using FaxSdk.Serialization;

namespace FaxSdk.Cli.Output;

/// <summary>How <c>faxstatus track list</c> shows a store's records: a table, or a canonical JSON array.</summary>
internal static class TrackedJobFormat
{
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The table: one row per job, its latest state and provider status, and what the workers know of it.</summary>
    /// <param name="jobs">The records.</param>
    /// <param name="now">The current time, to tell live leases from expired ones.</param>
    /// <returns>The table.</returns>
    public static TextTable Table(IEnumerable<FaxTrackedJob> jobs, DateTimeOffset now)
    {
        var table = new TextTable("PROVIDER", "INSTANCE", "JOB", "STATE", "PROVIDER STATUS", "ERRORS", "NEXT DUE", "LEASE", "HANDLED");
        foreach (var job in jobs)
        {
            var state = job.Status is { } status ? StatusFormat.Camel(status.State) : "-";
            table.AddRow(
                job.Job.Provider,
                job.Job.Instance + (job.Job.IsTest ? " (test)" : ""),
                job.Job.JobId,
                job.IsAbandoned && job.Status is not { IsTerminal: true } ? $"abandoned ({state})" : state,
                job.Status?.ProviderStatus ?? "-",
                job.ConsecutiveErrors.ToString(CultureInfo.InvariantCulture),
                job.IsDone ? "-" : Time(job.NextDueAt),
                job.LeaseOwner is { } owner && job.LeaseExpiresAt > now ? $"{owner} until {Time(job.LeaseExpiresAt.Value)}" : "-",
                job.Status is { IsTerminal: true } ? (job.CompletionHandled ? "yes" : "no") : "-");
        }

        return table;
    }

    /// <summary>
    /// The canonical JSON array of the records, in the store's order: per job <c>provider</c>, <c>instance</c>,
    /// <c>jobId</c>, <c>isTest</c>, <c>status</c> (the canonical status, or <see langword="null"/> before the first
    /// read), <c>done</c>, <c>abandoned</c>, <c>completionHandled</c>, <c>nextDueAt</c>, <c>consecutiveErrors</c>,
    /// <c>leaseOwner</c> and <c>leaseExpiresAt</c>.
    /// </summary>
    /// <param name="jobs">The records.</param>
    /// <param name="output">Where to write (UTF-8).</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes when the array is written.</returns>
    public static async Task WriteJsonAsync(IAsyncEnumerable<FaxTrackedJob> jobs, Stream output, CancellationToken cancellationToken)
    {
        await using var writer = new Utf8JsonWriter(output, WriterOptions);
        writer.WriteStartArray();
        await foreach (var job in jobs.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            writer.WriteStartObject();
            writer.WriteString("provider", job.Job.Provider);
            writer.WriteString("instance", job.Job.Instance);
            writer.WriteString("jobId", job.Job.JobId);
            writer.WriteBoolean("isTest", job.Job.IsTest);
            writer.WritePropertyName("status");
            if (job.Status is { } status)
            {
                JsonSerializer.Serialize(writer, status, FaxSdkJsonContext.Canonical.FaxJobStatus);
            }
            else
            {
                writer.WriteNullValue();
            }

            writer.WriteBoolean("done", job.IsDone);
            writer.WriteBoolean("abandoned", job.IsAbandoned);
            writer.WriteBoolean("completionHandled", job.CompletionHandled);
            writer.WriteString("nextDueAt", job.NextDueAt.ToUniversalTime());
            writer.WriteNumber("consecutiveErrors", job.ConsecutiveErrors);
            writer.WriteString("leaseOwner", job.LeaseOwner);
            if (job.LeaseExpiresAt is { } expires)
            {
                writer.WriteString("leaseExpiresAt", expires.ToUniversalTime());
            }
            else
            {
                writer.WriteNull("leaseExpiresAt");
            }

            writer.WriteEndObject();
            if (writer.BytesPending > 64 * 1024)
            {
                await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        writer.WriteEndArray();
        await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    private static string Time(DateTimeOffset time) => time.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
