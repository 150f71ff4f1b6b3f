using System.Text.Json;
using FaxSdk.Serialization;
using Microsoft.Data.Sqlite;

namespace FaxSdk.Tracking.Sqlite;

/// <summary>Reads and writes the columns of <c>faxsdk_tracked_jobs</c>.</summary>
internal static class SqliteTrackedJobRow
{
    /// <summary>The columns <see cref="Read"/> expects, in its order.</summary>
    public const string Columns =
        "provider, instance, job_id, is_test, status_json, next_due_at, interval_ticks, errors, abandoned, lease_owner, lease_expires_at, completion_handled";

    /// <summary>Reads one row selected with <see cref="Columns"/>.</summary>
    /// <param name="reader">The reader, on the row.</param>
    /// <param name="written">The status the same statement just wrote into the row, if any (it is not parsed again).</param>
    public static FaxTrackedJob Read(SqliteDataReader reader, FaxJobStatus? written = null) => new()
    {
        Job = new FaxJobReference(reader.GetString(0), reader.GetString(2), reader.GetString(1), reader.GetInt64(3) != 0),
        Status = written ?? (reader.IsDBNull(4) ? null : DeserializeStatus(reader.GetString(4))),
        NextDueAt = FromUnixMilliseconds(reader.GetInt64(5)),
        Interval = TimeSpan.FromTicks(reader.GetInt64(6)),
        ConsecutiveErrors = reader.GetInt32(7),
        IsAbandoned = reader.GetInt64(8) != 0,
        LeaseOwner = reader.IsDBNull(9) ? null : reader.GetString(9),
        LeaseExpiresAt = reader.IsDBNull(10) ? null : FromUnixMilliseconds(reader.GetInt64(10)),
        CompletionHandled = reader.GetInt64(11) != 0,
    };

    /// <summary>The status as canonical JSON.</summary>
    public static string SerializeStatus(FaxJobStatus status) => JsonSerializer.Serialize(status, FaxSdkJsonContext.Canonical.FaxJobStatus);

    /// <summary>A stored status; a row that does not hold one is a damaged store.</summary>
    /// <exception cref="InvalidDataException">The stored JSON is not a canonical status.</exception>
    public static FaxJobStatus DeserializeStatus(string json)
    {
        try
        {
            return JsonSerializer.Deserialize(json, FaxSdkJsonContext.Canonical.FaxJobStatus)
                ?? throw new InvalidDataException("The tracking store holds a null status.");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException("The tracking store holds a status that is not canonical JSON.", e);
        }
    }

    /// <summary>The state column's value: the canonical JSON name of the state.</summary>
    public static string StateName(FaxJobState state) => JsonNamingPolicy.CamelCase.ConvertName(state.ToString());

    /// <summary>A time as Unix milliseconds (the unit of every time column).</summary>
    public static long ToUnixMilliseconds(DateTimeOffset time) => time.ToUnixTimeMilliseconds();

    /// <summary>A time column's value.</summary>
    public static DateTimeOffset FromUnixMilliseconds(long milliseconds) => DateTimeOffset.FromUnixTimeMilliseconds(milliseconds);

    /// <summary>Binds the job's key to <c>$provider</c>, <c>$instance</c> and <c>$job_id</c>.</summary>
    public static void BindKey(SqliteCommand command, FaxJobReference job)
    {
        command.Parameters["$provider"].Value = job.Provider;
        command.Parameters["$instance"].Value = job.Instance;
        command.Parameters["$job_id"].Value = job.JobId;
    }

    /// <summary>Declares <c>$provider</c>, <c>$instance</c> and <c>$job_id</c> (bound per job by <see cref="BindKey"/>).</summary>
    public static void DeclareKey(SqliteCommand command)
    {
        command.Parameters.Add("$provider", SqliteType.Text);
        command.Parameters.Add("$instance", SqliteType.Text);
        command.Parameters.Add("$job_id", SqliteType.Text);
    }
}
