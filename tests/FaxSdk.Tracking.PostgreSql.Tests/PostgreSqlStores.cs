namespace FaxSdk.Tracking.PostgreSql.Tests;

/// <summary>
/// Makes stores for the shared contract suites: each new store a fresh database on the shared server, "the same store"
/// another instance with its own data source (its own connections, as a second process would have). Disposing drops
/// every database it made.
/// </summary>
public sealed class PostgreSqlStores(PostgreSqlServerFixture server) : IAsyncDisposable
{
    private readonly List<FaxPostgreSqlTrackingStore> _stores = [];
    private readonly List<string> _databases = [];
    private readonly Dictionary<IFaxTrackingStore, string> _connectionStrings = [];

    /// <summary>A store on a new, empty database (not migrated).</summary>
    public async Task<IFaxTrackingStore> CreateAsync()
    {
        var connectionString = await server.CreateDatabaseAsync();
        lock (_stores)
        {
            _databases.Add(connectionString);
        }

        return Open(connectionString);
    }

    /// <summary>Another store on the database of <paramref name="store"/>.</summary>
    public IFaxTrackingStore OpenSame(IFaxTrackingStore store)
    {
        string connectionString;
        lock (_stores)
        {
            connectionString = _connectionStrings[store];
        }

        return Open(connectionString);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        foreach (var store in _stores)
        {
            await store.DisposeAsync();
        }

        foreach (var database in _databases)
        {
            await server.DropDatabaseAsync(database);
        }
    }

    private FaxPostgreSqlTrackingStore Open(string connectionString)
    {
        var store = new FaxPostgreSqlTrackingStore(connectionString);
        lock (_stores)
        {
            _stores.Add(store);
            _connectionStrings[store] = connectionString;
        }

        return store;
    }
}
