using FaxSdk.TestSupport;

namespace FaxSdk.Tracking.PostgreSql.Tests;

/// <summary>The core's store contract tests (tests/Shared/FaxTrackingStoreContractTests.cs) on <see cref="FaxPostgreSqlTrackingStore"/>.</summary>
[Collection(PostgreSqlCollection.Name)]
public sealed class PostgreSqlTrackingStoreContractTests(PostgreSqlServerFixture server) : FaxTrackingStoreContractTests, IAsyncLifetime
{
    private readonly PostgreSqlStores _stores = new(server);

    protected override Task<IFaxTrackingStore> CreateStoreAsync() => _stores.CreateAsync();

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _stores.DisposeAsync().AsTask();
}
