using System.Globalization;
using Microsoft.Data.Sqlite;

namespace FaxSdk.Tracking.Sqlite;

/// <summary>
/// The store's schema as numbered migrations. Each is applied once, in order, inside one <c>BEGIN IMMEDIATE</c>
/// transaction that also records its number in <c>faxsdk_schema_version</c>, so processes that start at once take turns
/// and the second finds nothing left to do. Migrations only ever add: a released one is never edited or removed.
/// </summary>
internal static class SqliteTrackingSchema
{
    /// <summary>The migrations, by number (1, 2, …).</summary>
    public static IReadOnlyList<string> Migrations { get; } =
    [
        // 1: tracked jobs (status as canonical JSON plus the columns the claims filter on) and named leases. The claim
        // indexes hold the whole claim order (due time, then key), so a claim reads its LIMIT rows in index order and
        // stops, however many jobs are due at the same time.
        """
        CREATE TABLE faxsdk_tracked_jobs (
            provider TEXT NOT NULL,
            instance TEXT NOT NULL,
            job_id TEXT NOT NULL,
            is_test INTEGER NOT NULL,
            status_json TEXT NULL,
            state TEXT NULL,
            is_final INTEGER NOT NULL DEFAULT 0,
            next_due_at INTEGER NOT NULL,
            interval_ticks INTEGER NOT NULL DEFAULT 0,
            errors INTEGER NOT NULL DEFAULT 0,
            abandoned INTEGER NOT NULL DEFAULT 0,
            lease_owner TEXT NULL,
            lease_expires_at INTEGER NULL,
            completion_handled INTEGER NOT NULL DEFAULT 0,
            PRIMARY KEY (provider, instance, job_id)
        );
        CREATE INDEX faxsdk_tracked_jobs_due ON faxsdk_tracked_jobs (next_due_at, provider, instance, job_id) WHERE is_final = 0 AND abandoned = 0;
        CREATE INDEX faxsdk_tracked_jobs_completions ON faxsdk_tracked_jobs (next_due_at, provider, instance, job_id) WHERE is_final = 1 AND completion_handled = 0;
        CREATE INDEX faxsdk_tracked_jobs_lease ON faxsdk_tracked_jobs (lease_expires_at) WHERE lease_owner IS NOT NULL;
        CREATE TABLE faxsdk_leases (
            name TEXT NOT NULL PRIMARY KEY,
            owner TEXT NOT NULL,
            expires_at INTEGER NOT NULL
        );
        """,
    ];

    /// <summary>The schema version this code writes and reads.</summary>
    public static int CurrentVersion => Migrations.Count;

    /// <summary>Brings the file to <see cref="CurrentVersion"/>; returns how many migrations this call applied.</summary>
    /// <exception cref="InvalidOperationException">The file was migrated by a newer FaxSdk (a version this code does not know).</exception>
    public static async Task<int> MigrateAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        // Persistent in the file: readers never block the writer, and the writer never blocks readers.
        await using (var wal = connection.CreateCommand())
        {
            wal.CommandText = "PRAGMA journal_mode = WAL;";
            await wal.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
        }

        await using var transaction = connection.BeginTransaction(deferred: false); // BEGIN IMMEDIATE: one migrator at a time
        await using (var create = connection.CreateCommand())
        {
            create.Transaction = transaction;
            create.CommandText = "CREATE TABLE IF NOT EXISTS faxsdk_schema_version (version INTEGER NOT NULL PRIMARY KEY, applied_at INTEGER NOT NULL);";
            await create.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        long version;
        await using (var read = connection.CreateCommand())
        {
            read.Transaction = transaction;
            read.CommandText = "SELECT COALESCE(MAX(version), 0) FROM faxsdk_schema_version;";
            version = Convert.ToInt64(await read.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
        }

        if (version > CurrentVersion)
        {
            throw new InvalidOperationException(
                $"The tracking store's schema is version {version}, newer than this FaxSdk.Tracking.Sqlite knows ({CurrentVersion}): upgrade the package.");
        }

        var applied = 0;
        for (var next = (int)version + 1; next <= CurrentVersion; next++)
        {
            await using var migrate = connection.CreateCommand();
            migrate.Transaction = transaction;
            migrate.CommandText = Migrations[next - 1] +
                "\nINSERT INTO faxsdk_schema_version (version, applied_at) VALUES ($version, CAST(unixepoch('subsec') * 1000 AS INTEGER));";
            migrate.Parameters.AddWithValue("$version", next);
            await migrate.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            applied++;
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return applied;
    }
}
