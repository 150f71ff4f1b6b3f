using System.Data.Common;
using System.Net.Sockets;
using FaxSdk.Tracking.PostgreSql;
using FaxSdk.Tracking.Sqlite;

namespace FaxSdk.Cli.Tracking;

/// <summary>
/// A tracking store opened for one command: created from its <see cref="TrackingStoreLocation"/> and migrated; its
/// failures are reported as one line that names the store without its password.
/// </summary>
internal sealed class CliTrackingStore : IAsyncDisposable
{
    private CliTrackingStore(TrackingStoreLocation location, IFaxTrackingStore store)
    {
        Location = location;
        Store = store;
    }

    /// <summary>Where the store is.</summary>
    public TrackingStoreLocation Location { get; }

    /// <summary>The store.</summary>
    public IFaxTrackingStore Store { get; }

    /// <summary>Creates the store for a location (not yet migrated).</summary>
    /// <param name="location">The store's location.</param>
    /// <returns>The store; the caller disposes it.</returns>
    public static IFaxTrackingStore Create(TrackingStoreLocation location) => location.Kind switch
    {
        TrackingStoreKind.Sqlite => new FaxSqliteTrackingStore(location.Target),
        _ => new FaxPostgreSqlTrackingStore(location.Target),
    };

    /// <summary>
    /// Opens and migrates the store (creating a SQLite file, or the PostgreSQL schema, when missing); on failure writes
    /// one line to standard error and returns <see langword="null"/> (exit <see cref="ExitCodes.StoreError"/>).
    /// </summary>
    /// <param name="location">The store's location.</param>
    /// <param name="console">Where errors go.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The open store, or <see langword="null"/>.</returns>
    public static async Task<CliTrackingStore?> OpenAsync(TrackingStoreLocation location, CliConsole console, CancellationToken cancellationToken)
    {
        IFaxTrackingStore? store = null;
        try
        {
            store = Create(location);
            await store.MigrateAsync(cancellationToken).ConfigureAwait(false);
            return new CliTrackingStore(location, store);
        }
        catch (Exception exception) when (IsStoreFailure(exception) || exception is ArgumentException or InvalidOperationException)
        {
            // InvalidOperationException: a schema newer than this tool knows; ArgumentException: a path or string the driver refuses.
            await DisposeStoreAsync(store).ConfigureAwait(false);
            await console.Error.WriteLineAsync(Line(location, exception).AsMemory(), cancellationToken).ConfigureAwait(false);
            return null;
        }
    }

    /// <summary>Whether an exception is the store failing (unreachable, refused, corrupt, busy), not a bug.</summary>
    /// <param name="exception">The exception.</param>
    /// <returns>Whether to report it as a store error.</returns>
    public static bool IsStoreFailure(Exception exception) =>
        exception is DbException or IOException or UnauthorizedAccessException or TimeoutException or SocketException;

    /// <summary>The one line that reports a store failure.</summary>
    /// <param name="location">The store.</param>
    /// <param name="exception">What went wrong.</param>
    /// <returns><c>faxstatus: store postgres:Host=…: …</c>, without passwords or control characters.</returns>
    public static string Line(TrackingStoreLocation location, Exception exception)
    {
        var message = exception is DbException && exception.InnerException is { } inner and (SocketException or IOException or TimeoutException)
            ? $"{exception.Message} ({inner.Message})"
            : exception.Message;
        return Output.TerminalText.Escape(location.Redact($"faxstatus: store {location.Display}: {message}"));
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => DisposeStoreAsync(Store);

    private static async ValueTask DisposeStoreAsync(IFaxTrackingStore? store)
    {
        switch (store)
        {
            case IAsyncDisposable asyncDisposable:
                await asyncDisposable.DisposeAsync().ConfigureAwait(false);
                break;
            case IDisposable disposable:
                disposable.Dispose();
                break;
        }
    }
}
