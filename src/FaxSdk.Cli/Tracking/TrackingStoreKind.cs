namespace FaxSdk.Cli.Tracking;

/// <summary>The databases <c>--store</c> can name.</summary>
internal enum TrackingStoreKind
{
    /// <summary>A SQLite file (FaxSdk.Tracking.Sqlite), for the processes of one machine.</summary>
    Sqlite,

    /// <summary>A PostgreSQL database (FaxSdk.Tracking.PostgreSql), for any number of processes.</summary>
    PostgreSql,
}
