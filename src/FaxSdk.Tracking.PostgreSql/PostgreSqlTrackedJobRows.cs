using System.Text.Json;
using FaxSdk.Serialization;
using Npgsql;

namespace FaxSdk.Tracking.PostgreSql;

/// <summary>The job table's column list and the mapping between its rows and <see cref="FaxTrackedJob"/>.</summary>
internal static class PostgreSqlTrackedJobRows
{
    /// <summary>The columns every read selects, in the order <see cref="Read"/> expects, qualified by <paramref name="alias"/>.</summary>
    public static string Columns(string alias) =>
        $"{alias}.provider, {alias}.instance, {alias}.job_id, {alias}.is_test, {alias}.status::text, {alias}.next_due_at, " +
        $"{alias}.interval_ticks, {alias}.consecutive_errors, {alias}.abandoned, {alias}.lease_owner, {alias}.lease_expires_at, " +
        $"{alias}.completion_handled";

    /// <summary>Reads the current row.</summary>
    public static FaxTrackedJob Read(NpgsqlDataReader reader) => new()
    {
        Job = new FaxJobReference(reader.GetString(0), reader.GetString(2), reader.GetString(1), reader.GetBoolean(3)),
        Status = reader.IsDBNull(4) ? null : DeserializeStatus(reader.GetString(4)),
        NextDueAt = reader.GetFieldValue<DateTimeOffset>(5),
        Interval = TimeSpan.FromTicks(reader.GetInt64(6)),
        ConsecutiveErrors = reader.GetInt32(7),
        IsAbandoned = reader.GetBoolean(8),
        LeaseOwner = reader.IsDBNull(9) ? null : reader.GetString(9),
        LeaseExpiresAt = reader.IsDBNull(10) ? null : reader.GetFieldValue<DateTimeOffset>(10),
        CompletionHandled = reader.GetBoolean(11),
    };

    /// <summary>Reads every row of a command's result.</summary>
    public static async Task<List<FaxTrackedJob>> ReadAllAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        var jobs = new List<FaxTrackedJob>();
        var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await using (reader.ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                jobs.Add(Read(reader));
            }
        }

        return jobs;
    }

    /// <summary>The canonical JSON of a status, as stored.</summary>
    public static string SerializeStatus(FaxJobStatus status) => JsonSerializer.Serialize(status, FaxSdkJsonContext.Canonical.FaxJobStatus);

    private static FaxJobStatus DeserializeStatus(string json) =>
        JsonSerializer.Deserialize(json, FaxSdkJsonContext.Canonical.FaxJobStatus)
        ?? throw new InvalidOperationException("A stored tracking status is JSON null.");

    /// <summary>The job's key as the store compares it: provider, instance and job id (the test flag is data).</summary>
    public static (string Provider, string Instance, string JobId) Key(FaxJobReference job) => (job.Provider, job.Instance, job.JobId);

    /// <summary>A time as PostgreSQL's <c>timestamptz</c> takes it (UTC).</summary>
    public static DateTime Utc(DateTimeOffset time) => time.UtcDateTime;
}
