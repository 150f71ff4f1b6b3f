using Npgsql;

namespace FaxSdk.Tracking.PostgreSql.Tests;

/// <summary>A test with a fresh database of its own on the shared server, dropped afterwards.</summary>
[Collection(PostgreSqlCollection.Name)]
public abstract class PostgreSqlDatabaseTest(PostgreSqlServerFixture server) : IAsyncLifetime
{
    private readonly List<IAsyncDisposable> _owned = [];

    /// <summary>The server.</summary>
    protected PostgreSqlServerFixture Server { get; } = server;

    /// <summary>The test's database.</summary>
    protected string ConnectionString { get; private set; } = "";

    /// <inheritdoc />
    public virtual async Task InitializeAsync() => ConnectionString = await Server.CreateDatabaseAsync();

    /// <inheritdoc />
    public virtual async Task DisposeAsync()
    {
        foreach (var owned in _owned)
        {
            await owned.DisposeAsync();
        }

        await Server.DropDatabaseAsync(ConnectionString);
    }

    /// <summary>A store with its own data source (its own connections), disposed after the test.</summary>
    protected FaxPostgreSqlTrackingStore NewStore(string schema = FaxPostgreSqlTrackingStoreOptions.DefaultSchema)
    {
        var store = new FaxPostgreSqlTrackingStore(ConnectionString, new FaxPostgreSqlTrackingStoreOptions { Schema = schema });
        _owned.Add(store);
        return store;
    }

    /// <summary>A migrated store.</summary>
    protected async Task<FaxPostgreSqlTrackingStore> NewMigratedStoreAsync(string schema = FaxPostgreSqlTrackingStoreOptions.DefaultSchema)
    {
        var store = NewStore(schema);
        await store.MigrateAsync();
        return store;
    }

    /// <summary>Runs one SQL statement in the test's database and returns the first column of the first row.</summary>
    protected async Task<object?> ScalarAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }

    /// <summary>Jobs <c>phaxio:job-0000</c>… .</summary>
    protected static List<FaxJobReference> Jobs(int count, string provider = "phaxio") =>
        Enumerable.Range(0, count).Select(i => new FaxJobReference(provider, $"job-{i:D4}")).ToList();

    /// <summary>A status of <paramref name="job"/>.</summary>
    protected static FaxJobStatus StatusOf(FaxJobReference job, FaxJobState state, string? detail = null) => new()
    {
        Provider = job.Provider,
        JobId = job.JobId,
        State = state,
        Detail = detail,
        Error = state == FaxJobState.Failed ? new FaxError(FaxFailureCategory.Busy, "486", "busy") : null,
    };
}
