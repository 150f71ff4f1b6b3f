using Npgsql;

namespace FaxSdk.Tracking.PostgreSql;

/// <summary>
/// The store's versioned migrations. Each runs once, in order, in the transaction that holds the schema's advisory
/// lock; none drops or rewrites data. A database whose schema is newer than this package knows is left alone.
/// </summary>
internal sealed class PostgreSqlTrackingSchema(string quotedSchema, string schemaName)
{
    /// <summary>The migrations, version 1 first; append new ones, never edit a released one.</summary>
    private IReadOnlyList<string> Migrations =>
    [
        // 1: tracked jobs and named leases.
        $"""
        CREATE TABLE {quotedSchema}.jobs (
            provider text NOT NULL,
            instance text NOT NULL,
            job_id text NOT NULL,
            is_test boolean NOT NULL,
            status jsonb NULL,
            is_final boolean NOT NULL DEFAULT false,
            abandoned boolean NOT NULL DEFAULT false,
            next_due_at timestamptz NOT NULL,
            interval_ticks bigint NOT NULL DEFAULT 0,
            consecutive_errors integer NOT NULL DEFAULT 0,
            lease_owner text NULL,
            lease_expires_at timestamptz NULL,
            completion_handled boolean NOT NULL DEFAULT false,
            PRIMARY KEY (provider, instance, job_id)
        );
        CREATE INDEX jobs_due ON {quotedSchema}.jobs (next_due_at) WHERE NOT is_final AND NOT abandoned;
        CREATE INDEX jobs_completions ON {quotedSchema}.jobs (lease_expires_at) WHERE is_final AND NOT completion_handled;
        CREATE INDEX jobs_leased ON {quotedSchema}.jobs (lease_expires_at) WHERE lease_owner IS NOT NULL;
        CREATE INDEX jobs_lease_owner ON {quotedSchema}.jobs (lease_owner) WHERE lease_owner IS NOT NULL;
        CREATE INDEX jobs_consecutive_errors ON {quotedSchema}.jobs (consecutive_errors) WHERE consecutive_errors > 0;
        CREATE TABLE {quotedSchema}.leases (
            name text PRIMARY KEY,
            owner text NOT NULL,
            expires_at timestamptz NOT NULL
        );
        """,
    ];

    /// <summary>The newest schema version this package knows.</summary>
    public int LatestVersion => Migrations.Count;

    /// <summary>Brings the schema to <see cref="LatestVersion"/> under a transaction-scoped advisory lock.</summary>
    public async Task MigrateAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                // One migrator per schema at a time, across processes; the lock ends with the transaction.
                await ExecuteAsync(connection, "SELECT pg_advisory_xact_lock(hashtextextended('faxsdk.tracking.migrate:' || @schema, 0))", cancellationToken).ConfigureAwait(false);

                // CREATE SCHEMA needs CREATE on the database, even with IF NOT EXISTS: only ask when it is missing.
                if (!await ExistsAsync(connection, "SELECT EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = @schema)", cancellationToken).ConfigureAwait(false))
                {
                    await ExecuteAsync(connection, $"CREATE SCHEMA {quotedSchema}", cancellationToken).ConfigureAwait(false);
                }

                if (!await ExistsAsync(connection, "SELECT to_regclass(quote_ident(@schema) || '.schema_migrations') IS NOT NULL", cancellationToken).ConfigureAwait(false))
                {
                    await ExecuteAsync(connection, $"CREATE TABLE {quotedSchema}.schema_migrations (version integer PRIMARY KEY, description text NOT NULL)", cancellationToken).ConfigureAwait(false);
                }

                var current = await CurrentVersionAsync(connection, cancellationToken).ConfigureAwait(false);
                if (current > LatestVersion)
                {
                    throw new InvalidOperationException(
                        $"The tracking schema '{schemaName}' is at version {current}, newer than this FaxSdk.Tracking.PostgreSql knows ({LatestVersion}). Upgrade the package; the schema was left as it is.");
                }

                for (var version = current + 1; version <= LatestVersion; version++)
                {
                    await ExecuteAsync(connection, Migrations[version - 1], cancellationToken).ConfigureAwait(false);
                    await using var record = new NpgsqlCommand($"INSERT INTO {quotedSchema}.schema_migrations (version, description) VALUES (@version, @description)", connection);
                    record.Parameters.AddWithValue("version", version);
                    record.Parameters.AddWithValue("description", $"FaxSdk.Tracking.PostgreSql migration {version}");
                    await record.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }

                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>The applied version (0 for a new schema).</summary>
    public async Task<int> CurrentVersionAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand($"SELECT coalesce(max(version), 0) FROM {quotedSchema}.schema_migrations", connection);
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
    }

    private async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        if (sql.Contains("@schema", StringComparison.Ordinal))
        {
            command.Parameters.AddWithValue("schema", schemaName);
        }

        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task<bool> ExistsAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("schema", schemaName);
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is true;
    }
}
