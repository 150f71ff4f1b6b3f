using System.Runtime.CompilerServices;
using Npgsql;
using NpgsqlTypes;
using static FaxSdk.Tracking.PostgreSql.PostgreSqlTrackedJobRows;

namespace FaxSdk.Tracking.PostgreSql;

/// <summary>
/// A tracking store in PostgreSQL, shared by any number of tracker processes. Due jobs are claimed in batches with
/// <c>FOR UPDATE SKIP LOCKED</c> under leases, writes are batched (one statement per batch, never one round trip per
/// job), a final status is never replaced, and the schema is migrated under an advisory lock (docs/tracking.md).
/// </summary>
/// <remarks>
/// Call <see cref="MigrateAsync"/> once before the other methods (the hosted tracking worker does). Times come from the
/// callers' <c>now</c>, never from the server's clock; PostgreSQL keeps them to the microsecond. The connection string
/// never appears in an exception or a log.
/// </remarks>
public sealed class FaxPostgreSqlTrackingStore : IFaxTrackingStore, IAsyncDisposable, IDisposable
{
    private const string DeadlockDetected = "40P01";
    private const int MaxDeadlockRetries = 5;

    private readonly NpgsqlDataSource _dataSource;
    private readonly bool _ownsDataSource;
    private readonly PostgreSqlTrackingSchema _schema;
    private readonly string _jobs;
    private readonly string _leases;

    /// <summary>Creates a store on a data source the caller owns (and disposes).</summary>
    /// <param name="dataSource">The data source.</param>
    /// <param name="options">The schema to use; <see langword="null"/> for the defaults.</param>
    /// <exception cref="ArgumentException">The schema name is not a plain identifier.</exception>
    public FaxPostgreSqlTrackingStore(NpgsqlDataSource dataSource, FaxPostgreSqlTrackingStoreOptions? options = null)
        : this(dataSource ?? throw new ArgumentNullException(nameof(dataSource)), ownsDataSource: false, options)
    {
    }

    /// <summary>Creates a store with its own data source, disposed with the store.</summary>
    /// <param name="connectionString">An Npgsql connection string (<c>Host=…;Database=…;Username=…;Password=…</c>).</param>
    /// <param name="options">The schema to use; <see langword="null"/> for the defaults.</param>
    /// <exception cref="ArgumentException">The connection string is malformed (its text is not repeated) or the schema name is not a plain identifier.</exception>
    public FaxPostgreSqlTrackingStore(string connectionString, FaxPostgreSqlTrackingStoreOptions? options = null)
        : this(PostgreSqlConnectionStrings.CreateDataSource(connectionString), ownsDataSource: true, options)
    {
    }

    private FaxPostgreSqlTrackingStore(NpgsqlDataSource dataSource, bool ownsDataSource, FaxPostgreSqlTrackingStoreOptions? options)
    {
        var schemaName = (options ?? new FaxPostgreSqlTrackingStoreOptions()).Schema;
        string quoted;
        try
        {
            quoted = PostgreSqlIdentifier.Quote(schemaName, nameof(options));
        }
        catch when (ownsDataSource)
        {
            dataSource.Dispose();
            throw;
        }

        _dataSource = dataSource;
        _ownsDataSource = ownsDataSource;
        Schema = schemaName;
        _schema = new PostgreSqlTrackingSchema(quoted, schemaName);
        _jobs = quoted + ".jobs";
        _leases = quoted + ".leases";
    }

    /// <summary>The PostgreSQL schema that holds the store's tables.</summary>
    public string Schema { get; }

    /// <summary>The newest schema version this package migrates to.</summary>
    public int LatestSchemaVersion => _schema.LatestVersion;

    /// <summary>Reads the schema version the database is at (0 before the first migration).</summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The applied version.</returns>
    public async Task<int> GetSchemaVersionAsync(CancellationToken cancellationToken = default)
    {
        var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            await using var exists = new NpgsqlCommand("SELECT to_regclass(quote_ident(@schema) || '.schema_migrations') IS NOT NULL", connection);
            exists.Parameters.AddWithValue("schema", Schema);
            if (await exists.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is not true)
            {
                return 0;
            }

            return await _schema.CurrentVersionAsync(connection, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public Task MigrateAsync(CancellationToken cancellationToken = default) => _schema.MigrateAsync(_dataSource, cancellationToken);

    /// <inheritdoc />
    public async Task<int> AddAsync(IReadOnlyCollection<FaxJobReference> jobs, DateTimeOffset dueAt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(jobs);
        var unique = jobs.DistinctBy(Key).ToList();
        if (unique.Count == 0)
        {
            return 0;
        }

        await using var command = _dataSource.CreateCommand(
            $"""
            INSERT INTO {_jobs} (provider, instance, job_id, is_test, next_due_at)
            SELECT u.provider, u.instance, u.job_id, u.is_test, @due
            FROM unnest(@providers, @instances, @job_ids, @is_tests) AS u(provider, instance, job_id, is_test)
            ON CONFLICT (provider, instance, job_id) DO NOTHING
            """);
        AddKeys(command, unique);
        command.Parameters.Add(new NpgsqlParameter<bool[]>("is_tests", unique.Select(j => j.IsTest).ToArray()));
        command.Parameters.Add(new NpgsqlParameter<DateTime>("due", Utc(dueAt)));
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<bool> RemoveAsync(FaxJobReference job, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(job);
        await using var command = _dataSource.CreateCommand($"DELETE FROM {_jobs} WHERE provider = @provider AND instance = @instance AND job_id = @job_id");
        AddKey(command, job);
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) > 0;
    }

    /// <inheritdoc />
    public async Task<FaxTrackedJob?> GetAsync(FaxJobReference job, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(job);
        await using var command = _dataSource.CreateCommand($"SELECT {Columns("j")} FROM {_jobs} j WHERE j.provider = @provider AND j.instance = @instance AND j.job_id = @job_id");
        AddKey(command, job);
        var rows = await ReadAllAsync(command, cancellationToken).ConfigureAwait(false);
        return rows.Count == 0 ? null : rows[0];
    }

    /// <inheritdoc />
    public IAsyncEnumerable<FaxTrackedJob> ListAsync(CancellationToken cancellationToken = default) => ListRowsAsync(cancellationToken);

    /// <summary>Streams the rows in key order on one connection (the iterator behind <see cref="ListAsync"/>).</summary>
    private async IAsyncEnumerable<FaxTrackedJob> ListRowsAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            await using var command = new NpgsqlCommand(
                $"""SELECT {Columns("j")} FROM {_jobs} j ORDER BY j.provider COLLATE "C", j.instance COLLATE "C", j.job_id COLLATE "C" """,
                connection);
            var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    yield return Read(reader);
                }
            }
        }
    }

    /// <inheritdoc />
    public async Task<FaxTrackingCounts> CountAsync(DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        await using var command = _dataSource.CreateCommand(
            $"""
            SELECT count(*),
                   count(*) FILTER (WHERE NOT is_final AND NOT abandoned AND next_due_at <= @now),
                   count(*) FILTER (WHERE lease_owner IS NOT NULL AND lease_expires_at > @now),
                   count(*) FILTER (WHERE is_final),
                   count(*) FILTER (WHERE abandoned AND NOT is_final),
                   count(*) FILTER (WHERE is_final AND NOT completion_handled)
            FROM {_jobs}
            """);
        command.Parameters.Add(new NpgsqlParameter<DateTime>("now", Utc(now)));
        var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await using (reader.ConfigureAwait(false))
        {
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
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<FaxTrackedJob>> ClaimDueAsync(string owner, DateTimeOffset now, int maxJobs, TimeSpan leaseDuration, CancellationToken cancellationToken = default) =>
        ClaimAsync(owner, now, maxJobs, leaseDuration, "NOT c.is_final AND NOT c.abandoned AND c.next_due_at <= @now", "c.next_due_at", cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<FaxTrackedJob>> ClaimCompletionsAsync(string owner, DateTimeOffset now, int maxJobs, TimeSpan leaseDuration, CancellationToken cancellationToken = default) =>
        ClaimAsync(owner, now, maxJobs, leaseDuration, "c.is_final AND NOT c.completion_handled", "c.next_due_at", cancellationToken);

    /// <inheritdoc />
    public async Task<IReadOnlyList<FaxTrackedJob>> CompleteClaimsAsync(string owner, IReadOnlyCollection<FaxTrackedJobOutcome> outcomes, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(owner);
        ArgumentNullException.ThrowIfNull(outcomes);
        // One outcome per job: the last one given wins.
        var unique = outcomes.Reverse().DistinctBy(o => Key(o.Job)).Reverse().ToList();
        if (unique.Count == 0)
        {
            return [];
        }

        var rows = await WithDeadlockRetryAsync(async () =>
        {
            await using var command = _dataSource.CreateCommand(
                $"""
                UPDATE {_jobs} j SET
                    status = CASE WHEN j.is_final OR u.status IS NULL THEN j.status ELSE u.status END,
                    is_final = j.is_final OR u.is_final,
                    abandoned = CASE WHEN j.is_final OR u.is_final THEN false ELSE u.abandon END,
                    next_due_at = u.next_due_at,
                    interval_ticks = u.interval_ticks,
                    consecutive_errors = u.consecutive_errors,
                    lease_owner = NULL,
                    lease_expires_at = NULL
                FROM unnest(@providers, @instances, @job_ids, @statuses, @finals, @abandons, @next_due_ats, @interval_ticks, @consecutive_errors)
                    AS u(provider, instance, job_id, status, is_final, abandon, next_due_at, interval_ticks, consecutive_errors)
                WHERE j.provider = u.provider AND j.instance = u.instance AND j.job_id = u.job_id AND j.lease_owner = @owner
                RETURNING {Columns("j")}
                """);
            AddKeys(command, unique.Select(o => o.Job).ToList());
            command.Parameters.Add(new NpgsqlParameter("statuses", NpgsqlDbType.Array | NpgsqlDbType.Jsonb)
            {
                Value = unique.Select(o => o.Status is null ? null : SerializeStatus(o.Status)).ToArray(),
            });
            command.Parameters.Add(new NpgsqlParameter<bool[]>("finals", unique.Select(o => o.Status is { IsTerminal: true }).ToArray()));
            command.Parameters.Add(new NpgsqlParameter<bool[]>("abandons", unique.Select(o => o.Abandon).ToArray()));
            command.Parameters.Add(new NpgsqlParameter<DateTime[]>("next_due_ats", unique.Select(o => Utc(o.NextDueAt)).ToArray()));
            command.Parameters.Add(new NpgsqlParameter<long[]>("interval_ticks", unique.Select(o => o.Interval.Ticks).ToArray()));
            command.Parameters.Add(new NpgsqlParameter<int[]>("consecutive_errors", unique.Select(o => o.ConsecutiveErrors).ToArray()));
            command.Parameters.Add(new NpgsqlParameter<string>("owner", owner));
            return await ReadAllAsync(command, cancellationToken).ConfigureAwait(false);
        }).ConfigureAwait(false);
        return InInputOrder(rows, unique.Select(o => o.Job));
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

        foreach (var (job, status) in statuses)
        {
            ArgumentNullException.ThrowIfNull(job, nameof(statuses));
            ArgumentNullException.ThrowIfNull(status, nameof(statuses));
        }

        var keys = statuses.Select(s => s.Job).DistinctBy(Key).ToList();
        return await WithDeadlockRetryAsync(async () =>
        {
            var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            await using (connection.ConfigureAwait(false))
            {
                var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
                await using (transaction.ConfigureAwait(false))
                {
                    // Lock the rows in key order (no deadlock between two batch writers), then decide in .NET with the
                    // status's own equality, then write every change in one statement.
                    await using var select = new NpgsqlCommand(
                        $"""
                        SELECT {Columns("j")} FROM {_jobs} j
                        JOIN unnest(@providers, @instances, @job_ids) AS u(provider, instance, job_id)
                          ON j.provider = u.provider AND j.instance = u.instance AND j.job_id = u.job_id
                        ORDER BY j.provider, j.instance, j.job_id
                        FOR UPDATE OF j
                        """,
                        connection,
                        transaction);
                    AddKeys(select, keys);
                    var stored = (await ReadAllAsync(select, cancellationToken).ConfigureAwait(false)).ToDictionary(r => Key(r.Job));

                    var changes = new List<(FaxTrackedJob? Previous, FaxTrackedJob Current)>();
                    foreach (var (job, status) in statuses)
                    {
                        if (!stored.TryGetValue(Key(job), out var previous) || previous.Status is { IsTerminal: true } || Equals(previous.Status, status))
                        {
                            continue;
                        }

                        var current = previous with { Status = status, IsAbandoned = !status.IsTerminal && previous.IsAbandoned };
                        stored[Key(job)] = current;
                        changes.Add((previous, current));
                    }

                    if (changes.Count > 0)
                    {
                        var latest = changes.Select(c => c.Current).Reverse().DistinctBy(c => Key(c.Job)).ToList();
                        await using var update = new NpgsqlCommand(
                            $"""
                            UPDATE {_jobs} j SET status = u.status, is_final = u.is_final, abandoned = j.abandoned AND NOT u.is_final
                            FROM unnest(@providers, @instances, @job_ids, @statuses, @finals) AS u(provider, instance, job_id, status, is_final)
                            WHERE j.provider = u.provider AND j.instance = u.instance AND j.job_id = u.job_id AND NOT j.is_final
                            """,
                            connection,
                            transaction);
                        AddKeys(update, latest.Select(c => c.Job).ToList());
                        update.Parameters.Add(new NpgsqlParameter("statuses", NpgsqlDbType.Array | NpgsqlDbType.Jsonb)
                        {
                            Value = latest.Select(c => SerializeStatus(c.Status!)).ToArray(),
                        });
                        update.Parameters.Add(new NpgsqlParameter<bool[]>("finals", latest.Select(c => c.Status!.IsTerminal).ToArray()));
                        await update.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                    }

                    await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                    return (IReadOnlyList<(FaxTrackedJob? Previous, FaxTrackedJob Current)>)changes;
                }
            }
        }).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<int> MarkCompletionsHandledAsync(string owner, IReadOnlyCollection<FaxJobReference> jobs, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(owner);
        ArgumentNullException.ThrowIfNull(jobs);
        var unique = jobs.DistinctBy(Key).ToList();
        if (unique.Count == 0)
        {
            return 0;
        }

        return await WithDeadlockRetryAsync(async () =>
        {
            await using var command = _dataSource.CreateCommand(
                $"""
                UPDATE {_jobs} j SET completion_handled = true, lease_owner = NULL, lease_expires_at = NULL
                FROM unnest(@providers, @instances, @job_ids) AS u(provider, instance, job_id)
                WHERE j.provider = u.provider AND j.instance = u.instance AND j.job_id = u.job_id
                  AND j.lease_owner = @owner AND j.is_final AND NOT j.completion_handled
                """);
            AddKeys(command, unique);
            command.Parameters.Add(new NpgsqlParameter<string>("owner", owner));
            return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<bool> TryAcquireLeaseAsync(string name, string owner, DateTimeOffset now, TimeSpan leaseDuration, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(owner);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(leaseDuration, TimeSpan.Zero);
        await using var command = _dataSource.CreateCommand(
            $"""
            INSERT INTO {_leases} AS l (name, owner, expires_at) VALUES (@name, @owner, @expires)
            ON CONFLICT (name) DO UPDATE SET owner = excluded.owner, expires_at = excluded.expires_at
            WHERE l.owner = excluded.owner OR l.expires_at <= @now
            RETURNING l.owner
            """);
        command.Parameters.Add(new NpgsqlParameter<string>("name", name));
        command.Parameters.Add(new NpgsqlParameter<string>("owner", owner));
        command.Parameters.Add(new NpgsqlParameter<DateTime>("now", Utc(now)));
        command.Parameters.Add(new NpgsqlParameter<DateTime>("expires", Utc(now + leaseDuration)));
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is string;
    }

    /// <inheritdoc />
    public async Task ReleaseLeaseAsync(string name, string owner, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(owner);
        await using var command = _dataSource.CreateCommand($"DELETE FROM {_leases} WHERE name = @name AND owner = @owner");
        command.Parameters.Add(new NpgsqlParameter<string>("name", name));
        command.Parameters.Add(new NpgsqlParameter<string>("owner", owner));
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Disposes the data source when the store created it.</summary>
    /// <returns>A task that completes when the data source is disposed.</returns>
    public ValueTask DisposeAsync() => _ownsDataSource ? _dataSource.DisposeAsync() : ValueTask.CompletedTask;

    /// <summary>Disposes the data source when the store created it.</summary>
    public void Dispose()
    {
        if (_ownsDataSource)
        {
            _dataSource.Dispose();
        }
    }

    private async Task<IReadOnlyList<FaxTrackedJob>> ClaimAsync(
        string owner, DateTimeOffset now, int maxJobs, TimeSpan leaseDuration, string condition, string order, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(owner);
        ArgumentOutOfRangeException.ThrowIfNegative(maxJobs);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(leaseDuration, TimeSpan.Zero);
        if (maxJobs == 0)
        {
            return [];
        }

        // SKIP LOCKED: rows another claimer is taking right now are passed over, not waited for; the re-check of the
        // WHERE clause on the locked row version keeps a row just claimed (and committed) by someone else out.
        await using var command = _dataSource.CreateCommand(
            $"""
            UPDATE {_jobs} j SET lease_owner = @owner, lease_expires_at = @expires
            WHERE (j.provider, j.instance, j.job_id) IN (
                SELECT c.provider, c.instance, c.job_id FROM {_jobs} c
                WHERE {condition} AND (c.lease_expires_at IS NULL OR c.lease_expires_at <= @now)
                ORDER BY {order}, c.provider, c.instance, c.job_id
                LIMIT @max
                FOR UPDATE SKIP LOCKED)
            RETURNING {Columns("j")}
            """);
        command.Parameters.Add(new NpgsqlParameter<string>("owner", owner));
        command.Parameters.Add(new NpgsqlParameter<DateTime>("now", Utc(now)));
        command.Parameters.Add(new NpgsqlParameter<DateTime>("expires", Utc(now + leaseDuration)));
        command.Parameters.Add(new NpgsqlParameter<int>("max", maxJobs));
        var rows = await ReadAllAsync(command, cancellationToken).ConfigureAwait(false);
        return rows
            .OrderBy(r => r.NextDueAt)
            .ThenBy(r => r.Job.Provider, StringComparer.Ordinal)
            .ThenBy(r => r.Job.Instance, StringComparer.Ordinal)
            .ThenBy(r => r.Job.JobId, StringComparer.Ordinal)
            .ToList();
    }

    private static void AddKey(NpgsqlCommand command, FaxJobReference job)
    {
        command.Parameters.Add(new NpgsqlParameter<string>("provider", job.Provider));
        command.Parameters.Add(new NpgsqlParameter<string>("instance", job.Instance));
        command.Parameters.Add(new NpgsqlParameter<string>("job_id", job.JobId));
    }

    private static void AddKeys(NpgsqlCommand command, IReadOnlyList<FaxJobReference> jobs)
    {
        command.Parameters.Add(new NpgsqlParameter<string[]>("providers", jobs.Select(j => j.Provider).ToArray()));
        command.Parameters.Add(new NpgsqlParameter<string[]>("instances", jobs.Select(j => j.Instance).ToArray()));
        command.Parameters.Add(new NpgsqlParameter<string[]>("job_ids", jobs.Select(j => j.JobId).ToArray()));
    }

    private static List<FaxTrackedJob> InInputOrder(List<FaxTrackedJob> rows, IEnumerable<FaxJobReference> order)
    {
        var byKey = rows.ToDictionary(r => Key(r.Job));
        return order.Select(j => byKey.GetValueOrDefault(Key(j))).OfType<FaxTrackedJob>().ToList();
    }

    /// <summary>Runs a batch write again when PostgreSQL picked it as a deadlock victim (it was rolled back whole).</summary>
    private static async Task<T> WithDeadlockRetryAsync<T>(Func<Task<T>> write)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await write().ConfigureAwait(false);
            }
            catch (PostgresException e) when (e.SqlState == DeadlockDetected && attempt < MaxDeadlockRetries)
            {
            }
        }
    }
}
