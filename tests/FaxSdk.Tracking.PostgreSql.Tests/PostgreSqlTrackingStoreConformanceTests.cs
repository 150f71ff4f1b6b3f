using FaxSdk.Tracking.Tests;

namespace FaxSdk.Tracking.PostgreSql.Tests;

/// <summary>The store conformance suite (tests/FaxSdk.Tracking.Tests/TrackingStoreConformance.cs) on <see cref="FaxPostgreSqlTrackingStore"/>.</summary>
[Collection(PostgreSqlCollection.Name)]
public sealed class PostgreSqlTrackingStoreConformanceTests(PostgreSqlServerFixture server) : TrackingStoreConformance, IAsyncLifetime
{
    private readonly PostgreSqlStores _stores = new(server);

    protected override Task<IFaxTrackingStore> CreateStoreAsync() => _stores.CreateAsync();

    protected override Task<IFaxTrackingStore> OpenSameStoreAsync(IFaxTrackingStore store) => Task.FromResult(_stores.OpenSame(store));

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _stores.DisposeAsync().AsTask();
}
