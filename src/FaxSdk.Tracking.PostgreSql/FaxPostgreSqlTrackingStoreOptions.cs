namespace FaxSdk.Tracking.PostgreSql;

/// <summary>Settings of a <see cref="FaxPostgreSqlTrackingStore"/>.</summary>
public sealed record FaxPostgreSqlTrackingStoreOptions
{
    /// <summary>The schema FaxSdk keeps its tables in by default.</summary>
    public const string DefaultSchema = "faxsdk";

    /// <summary>
    /// The PostgreSQL schema that holds the store's tables (created by <see cref="FaxPostgreSqlTrackingStore.MigrateAsync"/>
    /// when missing). A plain identifier: a letter or underscore, then letters, digits or underscores, at most 63
    /// characters. Stores with different schemas in one database are independent.
    /// </summary>
    public string Schema { get; init; } = DefaultSchema;
}
