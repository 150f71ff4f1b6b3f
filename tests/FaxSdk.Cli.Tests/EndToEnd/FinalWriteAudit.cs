using Microsoft.Data.Sqlite;
using Npgsql;

namespace FaxSdk.Cli.Tests.EndToEnd;

/// <summary>
/// Records, with a trigger in the store's own database, every write that makes a job's status final or changes a
/// final status: a correct run has exactly one per job (the store's tables are the stores' schema version 1).
/// </summary>
internal static class FinalWriteAudit
{
    /// <summary>One audited write: the job and whether its status was already final before.</summary>
    public sealed record FinalWrite(string Provider, string JobId, bool WasFinal);

    public static async Task InstallPostgresAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            CREATE TABLE public.test_final_writes (provider text NOT NULL, instance text NOT NULL, job_id text NOT NULL, was_final boolean NOT NULL, status jsonb);
            CREATE FUNCTION public.test_log_final_write() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                INSERT INTO public.test_final_writes VALUES (NEW.provider, NEW.instance, NEW.job_id, OLD.is_final, NEW.status);
                RETURN NEW;
            END $$;
            CREATE TRIGGER test_log_final_write AFTER UPDATE ON faxsdk.jobs FOR EACH ROW
                WHEN (NEW.is_final AND (NOT OLD.is_final OR NEW.status IS DISTINCT FROM OLD.status))
                EXECUTE FUNCTION public.test_log_final_write();
            """, connection);
        await command.ExecuteNonQueryAsync();
    }

    public static async Task<List<FinalWrite>> ReadPostgresAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT provider, job_id, was_final FROM public.test_final_writes", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var writes = new List<FinalWrite>();
        while (await reader.ReadAsync())
        {
            writes.Add(new FinalWrite(reader.GetString(0), reader.GetString(1), reader.GetBoolean(2)));
        }

        return writes;
    }

    public static async Task InstallSqliteAsync(string path)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            CREATE TABLE test_final_writes (provider TEXT NOT NULL, instance TEXT NOT NULL, job_id TEXT NOT NULL, was_final INTEGER NOT NULL, status TEXT);
            CREATE TRIGGER test_log_final_write AFTER UPDATE ON faxsdk_tracked_jobs FOR EACH ROW
                WHEN NEW.is_final = 1 AND (OLD.is_final = 0 OR NEW.status_json IS NOT OLD.status_json)
            BEGIN
                INSERT INTO test_final_writes VALUES (NEW.provider, NEW.instance, NEW.job_id, OLD.is_final, NEW.status_json);
            END;
            """;
        await command.ExecuteNonQueryAsync();
    }

    public static async Task<List<FinalWrite>> ReadSqliteAsync(string path)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false, Mode = SqliteOpenMode.ReadOnly }.ToString());
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT provider, job_id, was_final FROM test_final_writes";
        await using var reader = await command.ExecuteReaderAsync();
        var writes = new List<FinalWrite>();
        while (await reader.ReadAsync())
        {
            writes.Add(new FinalWrite(reader.GetString(0), reader.GetString(1), reader.GetInt64(2) != 0));
        }

        return writes;
    }

    /// <summary>Each job's status became final exactly once, and no final status was written over.</summary>
    public static void AssertOncePerJob(IReadOnlyList<FinalWrite> writes, IEnumerable<string> jobs)
    {
        Assert.DoesNotContain(writes, w => w.WasFinal);
        var perJob = writes.GroupBy(w => $"{w.Provider} {w.JobId}").ToDictionary(g => g.Key, g => g.Count());
        var twice = perJob.Where(p => p.Value > 1).Select(p => p.Key).ToList();
        Assert.True(twice.Count == 0, $"final state written more than once: {string.Join(", ", twice.Take(5))}");
        Assert.Equal(jobs.Order(StringComparer.Ordinal), perJob.Keys.Order(StringComparer.Ordinal));
    }
}
