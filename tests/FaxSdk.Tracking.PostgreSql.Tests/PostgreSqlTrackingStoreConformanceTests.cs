using FaxSdk.Tracking.Tests;

namespace FaxSdk.Tracking.PostgreSql.Tests;

/// <summary>
/// The store conformance suite (tests/FaxSdk.Tracking.Tests/TrackingStoreConformance.cs) on
/// <see cref="FaxPostgreSqlTrackingStore"/>: each store a fresh database on the shared server, and "the same store"
/// another instance with its own data source (its own connections), as a second process would have.
/// </summary>
[Collection(PostgreSqlCollection.Name)]
public sealed class PostgreSqlTrackingStoreConformanceTests(PostgreSqlServerFixture server) : TrackingStoreConformance, IAsyncLifetime
{
    private readonly List<FaxPostgreSqlTrackingStore> _stores = [];
    private readonly List<string> _databases = [];
    private readonly Dictionary<IFaxTrackingStore, string> _connectionStrings = [];

    protected override async Task<IFaxTrackingStore> CreateStoreAsync()
    {
        var connectionString = await server.CreateDatabaseAsync();
        lock (_stores)
        {
            _databases.Add(connectionString);
        }

        return Open(connectionString);
    }

    protected override Task<IFaxTrackingStore> OpenSameStoreAsync(IFaxTrackingStore store)
    {
        string connectionString;
        lock (_stores)
        {
            connectionString = _connectionStrings[store];
        }

        return Task.FromResult<IFaxTrackingStore>(Open(connectionString));
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
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
