using FaxSdk.Tracking.Sqlite;

namespace FaxSdk.Tracking.Tests;

/// <summary>The conformance suite on <see cref="FaxSqliteTrackingStore"/>, one temporary file per test.</summary>
public sealed class SqliteTrackingStoreTests : TrackingStoreConformance, IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("faxsdk-sqlite-").FullName;
    private readonly List<FaxSqliteTrackingStore> _stores = [];

    protected override Task<IFaxTrackingStore> CreateStoreAsync() => Task.FromResult<IFaxTrackingStore>(Open(Path.Combine(_directory, $"tracking-{_stores.Count}.db")));

    protected override Task<IFaxTrackingStore> OpenSameStoreAsync(IFaxTrackingStore store) =>
        Task.FromResult<IFaxTrackingStore>(Open(((FaxSqliteTrackingStore)store).Path));

    public void Dispose()
    {
        foreach (var store in _stores)
        {
            store.Dispose();
        }

        Directory.Delete(_directory, recursive: true);
    }

    private FaxSqliteTrackingStore Open(string path)
    {
        lock (_stores)
        {
            var store = new FaxSqliteTrackingStore(path);
            _stores.Add(store);
            return store;
        }
    }
}
