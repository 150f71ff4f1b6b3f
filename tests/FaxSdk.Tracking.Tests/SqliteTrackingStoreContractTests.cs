using FaxSdk.TestSupport;
using FaxSdk.Tracking.Sqlite;

namespace FaxSdk.Tracking.Tests;

/// <summary>The core's own store contract tests (tests/Shared/FaxTrackingStoreContractTests.cs) on <see cref="FaxSqliteTrackingStore"/>.</summary>
public sealed class SqliteTrackingStoreContractTests : FaxTrackingStoreContractTests, IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("faxsdk-sqlite-contract-").FullName;
    private readonly List<FaxSqliteTrackingStore> _stores = [];

    protected override Task<IFaxTrackingStore> CreateStoreAsync()
    {
        var store = new FaxSqliteTrackingStore(Path.Combine(_directory, $"tracking-{_stores.Count}.db"));
        _stores.Add(store);
        return Task.FromResult<IFaxTrackingStore>(store);
    }

    public void Dispose()
    {
        foreach (var store in _stores)
        {
            store.Dispose();
        }

        Directory.Delete(_directory, recursive: true);
    }
}
