using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using static FaxSdk.Tracking.Sqlite.SqliteTrackedJobRow;

namespace FaxSdk.Tracking.Sqlite;

/// <summary>
/// A tracking store in one SQLite file: the default durable store for one process, and safe for several processes of
/// one machine sharing the file. Call <see cref="MigrateAsync"/> once before anything else (the tracking worker does).
/// </summary>
/// <remarks>
/// <para>The file is in WAL mode, so reads never wait for the writer. Every write is one <c>BEGIN IMMEDIATE</c>
/// transaction per call, whatever the number of jobs; a writer that finds the file locked waits up to
/// <see cref="BusyTimeout"/>. Connections come from Microsoft.Data.Sqlite's pool, one per operation.</para>
/// <para>Statuses are stored as canonical JSON (FaxSdkJsonContext.Canonical) beside indexed columns (state, final,
/// next due time, lease, completion, errors); times are Unix milliseconds. Every write of a status checks
/// <c>is_final = 0</c>, so a final status is never replaced.</para>
/// <para>The file must be on a local disk: SQLite's locks are not reliable over network file systems. Processes on
/// several machines share a PostgreSQL store instead (FaxSdk.Tracking.PostgreSql).</para>
/// </remarks>
public sealed class FaxSqliteTrackingStore : IFaxTrackingStore, IDisposable
{
    private const string DueFilter = "is_final = 0 AND abandoned = 0 AND next_due_at <= $now";
    private const string FreeFilter = "(lease_owner IS NULL OR lease_expires_at <= $now)";
    private const string KeyFilter = "provider = $provider AND instance = $instance AND job_id = $job_id";

    private readonly string _connectionString;

    /// <summary>Creates a store over a file (created, with its schema, by <see cref="MigrateAsync"/>).</summary>
    /// <param name="path">The database file's path, for example <c>/var/lib/myapp/fax-tracking.db</c>.</param>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty.</exception>
    public FaxSqliteTrackingStore(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        Path = System.IO.Path.GetFullPath(path);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
        }.ToString();
    }

    /// <summary>The database file's full path.</summary>
    public string Path { get; }

    /// <summary>How long a write waits for another connection's write transaction to finish before it fails (default 30 s).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative.</exception>
    public TimeSpan BusyTimeout
    {
        get;
        init
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, TimeSpan.Zero);
            field = value;
        }
    } = TimeSpan.FromSeconds(30);

    /// <inheritdoc />
    public async Task MigrateAsync(CancellationToken cancellationToken = default)
    {
        var directory = System.IO.Path.GetDirectoryName(Path);
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await SqliteTrackingSchema.MigrateAsync(connection, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<int> AddAsync(IReadOnlyCollection<FaxJobReference> jobs, DateTimeOffset dueAt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(jobs);
        if (jobs.Count == 0)
        {
            return 0;
        }

        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await BeginImmediateAsync(connection, cancellationToken).ConfigureAwait(false);
        await using var insert = Command(connection, transaction, """
            INSERT INTO faxsdk_tracked_jobs (provider, instance, job_id, is_test, next_due_at)
            VALUES ($provider, $instance, $job_id, $is_test, $due)
            ON CONFLICT (provider, instance, job_id) DO NOTHING;
            """);
        DeclareKey(insert);
        var isTest = insert.Parameters.Add("$is_test", SqliteType.Integer);
        insert.Parameters.AddWithValue("$due", ToUnixMilliseconds(dueAt));
        var added = 0;
        foreach (var job in jobs)
        {
            ArgumentNullException.ThrowIfNull(job);
            BindKey(insert, job);
            isTest.Value = job.IsTest ? 1 : 0;
            added += await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return added;
    }

    /// <inheritdoc />
    public async Task<bool> RemoveAsync(FaxJobReference job, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(job);
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await BeginImmediateAsync(connection, cancellationToken).ConfigureAwait(false);
        await using var delete = Command(connection, transaction, $"DELETE FROM faxsdk_tracked_jobs WHERE {KeyFilter};");
        DeclareKey(delete);
        BindKey(delete, job);
        var removed = await delete.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) > 0;
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return removed;
    }

    /// <inheritdoc />
    public async Task<FaxTrackedJob?> GetAsync(FaxJobReference job, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(job);
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var select = Command(connection, null, $"SELECT {Columns} FROM faxsdk_tracked_jobs WHERE {KeyFilter};");
        DeclareKey(select);
        BindKey(select, job);
        await using var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? Read(reader) : null;
    }

    /// <inheritdoc />
    public IAsyncEnumerable<FaxTrackedJob> ListAsync(CancellationToken cancellationToken = default) => ListCoreAsync(cancellationToken);

    // The iterator itself is private: its compiler-generated state machine stays out of the public API.
    private async IAsyncEnumerable<FaxTrackedJob> ListCoreAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var select = Command(connection, null, $"SELECT {Columns} FROM faxsdk_tracked_jobs ORDER BY provider, instance, job_id;");
        await using var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return Read(reader);
        }
    }

    /// <inheritdoc />
    public async Task<FaxTrackingCounts> CountAsync(DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var count = Command(connection, null, $"""
            SELECT COUNT(*),
                   COALESCE(SUM({DueFilter}), 0),
                   COALESCE(SUM(lease_owner IS NOT NULL AND lease_expires_at > $now), 0),
                   COALESCE(SUM(is_final = 1), 0),
                   COALESCE(SUM(abandoned = 1 AND is_final = 0), 0),
                   COALESCE(SUM(is_final = 1 AND completion_handled = 0), 0)
            FROM faxsdk_tracked_jobs;
            """);
        count.Parameters.AddWithValue("$now", ToUnixMilliseconds(now));
        await using var reader = await count.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        return new FaxTrackingCounts
        {
            Total = reader.GetInt64(0),
            Due = reader.GetInt64(1),
            Leased = reader.GetInt64(2),
            Final = reader.GetInt64(3),
            Abandoned = reader.GetInt64(4),
            CompletionsPending = reader.GetInt64(5),
        };
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<FaxTrackedJob>> ClaimDueAsync(string owner, DateTimeOffset now, int maxJobs, TimeSpan leaseDuration, CancellationToken cancellationToken = default) =>
        ClaimAsync(DueFilter, owner, now, maxJobs, leaseDuration, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<FaxTrackedJob>> ClaimCompletionsAsync(string owner, DateTimeOffset now, int maxJobs, TimeSpan leaseDuration, CancellationToken cancellationToken = default) =>
        ClaimAsync("is_final = 1 AND completion_handled = 0", owner, now, maxJobs, leaseDuration, cancellationToken);

    /// <inheritdoc />
    public async Task<IReadOnlyList<FaxTrackedJob>> CompleteClaimsAsync(string owner, IReadOnlyCollection<FaxTrackedJobOutcome> outcomes, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(owner);
        ArgumentNullException.ThrowIfNull(outcomes);
        if (outcomes.Count == 0)
        {
            return [];
        }

        foreach (var outcome in outcomes)
        {
            ArgumentNullException.ThrowIfNull(outcome);
            ArgumentNullException.ThrowIfNull(outcome.Job, nameof(outcomes));
        }

        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await BeginImmediateAsync(connection, cancellationToken).ConfigureAwait(false);

        // Applies the outcome where the owner still holds the lease and the stored status is not final …
        await using var apply = Command(connection, transaction, $"""
            UPDATE faxsdk_tracked_jobs
            SET status_json = COALESCE($status_json, status_json),
                state = COALESCE($state, state),
                is_final = $is_final,
                next_due_at = $due,
                interval_ticks = $interval,
                errors = $errors,
                abandoned = $abandoned AND NOT $is_final,
                lease_owner = NULL,
                lease_expires_at = NULL
            WHERE {KeyFilter} AND lease_owner = $owner AND is_final = 0
            RETURNING {Columns};
            """);
        DeclareKey(apply);
        apply.Parameters.AddWithValue("$owner", owner);
        var statusJson = apply.Parameters.Add("$status_json", SqliteType.Text);
        var state = apply.Parameters.Add("$state", SqliteType.Text);
        var isFinal = apply.Parameters.Add("$is_final", SqliteType.Integer);
        var due = apply.Parameters.Add("$due", SqliteType.Integer);
        var interval = apply.Parameters.Add("$interval", SqliteType.Integer);
        var errors = apply.Parameters.Add("$errors", SqliteType.Integer);
        var abandoned = apply.Parameters.Add("$abandoned", SqliteType.Integer);

        // … and otherwise only releases the lease of a job that became final meanwhile (a push, a report feed): the
        // worker gets the stored final record back.
        await using var release = Command(connection, transaction,
            $"UPDATE faxsdk_tracked_jobs SET lease_owner = NULL, lease_expires_at = NULL WHERE {KeyFilter} AND lease_owner = $owner RETURNING {Columns};");
        DeclareKey(release);
        release.Parameters.AddWithValue("$owner", owner);

        // One outcome per job: the last one given wins.
        var unique = outcomes.Reverse().DistinctBy(o => (o.Job.Provider, o.Job.Instance, o.Job.JobId)).Reverse().ToList();
        var applied = new List<FaxTrackedJob>(unique.Count);
        foreach (var outcome in unique)
        {
            BindKey(apply, outcome.Job);
            statusJson.Value = outcome.Status is null ? DBNull.Value : SerializeStatus(outcome.Status);
            state.Value = outcome.Status is null ? DBNull.Value : StateName(outcome.Status.State);
            isFinal.Value = outcome.Status is { IsTerminal: true } ? 1 : 0;
            due.Value = ToUnixMilliseconds(outcome.NextDueAt);
            interval.Value = outcome.Interval.Ticks;
            errors.Value = outcome.ConsecutiveErrors;
            abandoned.Value = outcome.Abandon ? 1 : 0;
            await using (var reader = await apply.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
            {
                if (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    applied.Add(Read(reader, outcome.Status)); // the status just written: no need to parse it back
                    continue;
                }
            }

            BindKey(release, outcome.Job);
            await using var released = await release.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            if (await released.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                applied.Add(Read(released));
            }
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return applied;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<(FaxTrackedJob? Previous, FaxTrackedJob Current)>> WriteStatusesAsync(
        IReadOnlyCollection<(FaxJobReference Job, FaxJobStatus Status)> statuses, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(statuses);
        if (statuses.Count == 0)
        {
            return [];
        }

        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await BeginImmediateAsync(connection, cancellationToken).ConfigureAwait(false);
        await using var select = Command(connection, transaction, $"SELECT {Columns} FROM faxsdk_tracked_jobs WHERE {KeyFilter};");
        DeclareKey(select);
        await using var update = Command(connection, transaction, $"""
            UPDATE faxsdk_tracked_jobs SET status_json = $status_json, state = $state, is_final = $is_final, abandoned = abandoned AND NOT $is_final
            WHERE {KeyFilter} AND is_final = 0
            RETURNING {Columns};
            """);
        DeclareKey(update);
        var statusJson = update.Parameters.Add("$status_json", SqliteType.Text);
        var state = update.Parameters.Add("$state", SqliteType.Text);
        var isFinal = update.Parameters.Add("$is_final", SqliteType.Integer);

        var changed = new List<(FaxTrackedJob? Previous, FaxTrackedJob Current)>();
        foreach (var (job, status) in statuses)
        {
            ArgumentNullException.ThrowIfNull(job);
            ArgumentNullException.ThrowIfNull(status);
            BindKey(select, job);
            FaxTrackedJob previous;
            await using (var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
            {
                if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    continue; // not tracked
                }

                previous = Read(reader);
            }

            if (previous.Status is { IsTerminal: true } || Equals(previous.Status, status))
            {
                continue;
            }

            BindKey(update, job);
            statusJson.Value = SerializeStatus(status);
            state.Value = StateName(status.State);
            isFinal.Value = status.IsTerminal ? 1 : 0;
            await using var updated = await update.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            if (await updated.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                changed.Add((previous, Read(updated, status)));
            }
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return changed;
    }

    /// <inheritdoc />
    public async Task<int> MarkCompletionsHandledAsync(string owner, IReadOnlyCollection<FaxJobReference> jobs, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(owner);
        ArgumentNullException.ThrowIfNull(jobs);
        if (jobs.Count == 0)
        {
            return 0;
        }

        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await BeginImmediateAsync(connection, cancellationToken).ConfigureAwait(false);
        await using var mark = Command(connection, transaction, $"""
            UPDATE faxsdk_tracked_jobs SET completion_handled = 1, lease_owner = NULL, lease_expires_at = NULL
            WHERE {KeyFilter} AND lease_owner = $owner AND is_final = 1 AND completion_handled = 0;
            """);
        DeclareKey(mark);
        mark.Parameters.AddWithValue("$owner", owner);
        var marked = 0;
        foreach (var job in jobs)
        {
            ArgumentNullException.ThrowIfNull(job);
            BindKey(mark, job);
            marked += await mark.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return marked;
    }

    /// <inheritdoc />
    public async Task<bool> TryAcquireLeaseAsync(string name, string owner, DateTimeOffset now, TimeSpan leaseDuration, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(owner);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(leaseDuration, TimeSpan.Zero);
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await BeginImmediateAsync(connection, cancellationToken).ConfigureAwait(false);
        await using var acquire = Command(connection, transaction, """
            INSERT INTO faxsdk_leases (name, owner, expires_at) VALUES ($name, $owner, $expires)
            ON CONFLICT (name) DO UPDATE SET owner = excluded.owner, expires_at = excluded.expires_at
            WHERE faxsdk_leases.owner = excluded.owner OR faxsdk_leases.expires_at <= $now;
            """);
        acquire.Parameters.AddWithValue("$name", name);
        acquire.Parameters.AddWithValue("$owner", owner);
        acquire.Parameters.AddWithValue("$expires", ToUnixMilliseconds(now + leaseDuration));
        acquire.Parameters.AddWithValue("$now", ToUnixMilliseconds(now));
        var acquired = await acquire.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) > 0;
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return acquired;
    }

    /// <inheritdoc />
    public async Task ReleaseLeaseAsync(string name, string owner, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(owner);
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await BeginImmediateAsync(connection, cancellationToken).ConfigureAwait(false);
        await using var release = Command(connection, transaction, "DELETE FROM faxsdk_leases WHERE name = $name AND owner = $owner;");
        release.Parameters.AddWithValue("$name", name);
        release.Parameters.AddWithValue("$owner", owner);
        await release.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Closes this store's pooled connections (the file stays as it is).</summary>
    public void Dispose()
    {
        using var connection = new SqliteConnection(_connectionString);
        SqliteConnection.ClearPool(connection);
    }

    private async Task<IReadOnlyList<FaxTrackedJob>> ClaimAsync(string filter, string owner, DateTimeOffset now, int maxJobs, TimeSpan leaseDuration, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(owner);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxJobs);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(leaseDuration, TimeSpan.Zero);
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await BeginImmediateAsync(connection, cancellationToken).ConfigureAwait(false);
        await using var claim = Command(connection, transaction, $"""
            UPDATE faxsdk_tracked_jobs SET lease_owner = $owner, lease_expires_at = $expires
            WHERE rowid IN (
                SELECT rowid FROM faxsdk_tracked_jobs
                WHERE {filter} AND {FreeFilter}
                ORDER BY next_due_at, provider, instance, job_id
                LIMIT $max)
            RETURNING {Columns};
            """);
        claim.Parameters.AddWithValue("$owner", owner);
        claim.Parameters.AddWithValue("$now", ToUnixMilliseconds(now));
        claim.Parameters.AddWithValue("$expires", ToUnixMilliseconds(now + leaseDuration));
        claim.Parameters.AddWithValue("$max", maxJobs);
        var claimed = new List<FaxTrackedJob>(Math.Min(maxJobs, 1024));
        await using (var reader = await claim.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                claimed.Add(Read(reader));
            }
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);

        // RETURNING gives rows in no promised order: earliest due first, as claimed.
        claimed.Sort(static (a, b) =>
        {
            var byDue = a.NextDueAt.CompareTo(b.NextDueAt);
            if (byDue != 0)
            {
                return byDue;
            }

            var byProvider = string.CompareOrdinal(a.Job.Provider, b.Job.Provider);
            return byProvider != 0 ? byProvider
                : string.CompareOrdinal(a.Job.Instance, b.Job.Instance) is var byInstance and not 0 ? byInstance
                : string.CompareOrdinal(a.Job.JobId, b.Job.JobId);
        });
        return claimed;
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            await using var pragmas = connection.CreateCommand();
            // Per connection: wait for another writer instead of failing at once; NORMAL is durable enough under WAL
            // (a power cut can lose the last commits, never corrupt the file).
            pragmas.CommandText = string.Create(CultureInfo.InvariantCulture,
                $"PRAGMA busy_timeout = {(long)BusyTimeout.TotalMilliseconds}; PRAGMA synchronous = NORMAL;");
            await pragmas.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    // BEGIN IMMEDIATE: the write lock is taken first (waiting up to the busy timeout), so the transaction never finds
    // its read snapshot outdated when it comes to write (SQLITE_BUSY_SNAPSHOT, which no waiting can cure).
    private static Task<SqliteTransaction> BeginImmediateAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(connection.BeginTransaction(deferred: false));
    }

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction? transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }
}
