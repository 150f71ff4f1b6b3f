using FaxSdk.Tracking.Sqlite;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Chooses the SQLite tracking store in <c>services.AddFaxSdk().AddTracking(t =&gt; t.UseSqlite(path))</c>.</summary>
public static class FaxSqliteTrackingBuilderExtensions
{
    /// <summary>
    /// Keeps tracking in one SQLite file (<see cref="FaxSqliteTrackingStore"/>, a singleton); the hosted worker creates
    /// or upgrades its schema at start-up. Replaces any store chosen before.
    /// </summary>
    /// <param name="builder">The tracking builder.</param>
    /// <param name="path">The database file: an absolute path on a local disk is best (a relative one is resolved against the current directory).</param>
    /// <param name="busyTimeout">How long a write waits for another process's write (<see cref="FaxSqliteTrackingStore.BusyTimeout"/>); 30 s when <see langword="null"/>.</param>
    /// <returns>The tracking builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="busyTimeout"/> is negative.</exception>
    public static FaxTrackingBuilder UseSqlite(this FaxTrackingBuilder builder, string path, TimeSpan? busyTimeout = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var fullPath = Path.GetFullPath(path);
        if (busyTimeout is { } negative && negative < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(busyTimeout), busyTimeout, "The busy timeout cannot be negative.");
        }

        return builder.UseStore(_ => busyTimeout is { } timeout ? new FaxSqliteTrackingStore(fullPath) { BusyTimeout = timeout } : new FaxSqliteTrackingStore(fullPath));
    }
}
