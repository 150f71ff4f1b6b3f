using FaxSdk;
using FaxSdk.Tracking.PostgreSql;
using Npgsql;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Chooses the PostgreSQL tracking store in <c>services.AddFaxSdk().AddTracking(t =&gt; t.UsePostgreSql(…))</c>.</summary>
public static class FaxPostgreSqlTrackingBuilderExtensions
{
    /// <summary>
    /// Tracks jobs in PostgreSQL, shared by every process configured with the same database and schema. The store is
    /// a singleton with its own connection pool, disposed with the service provider; the hosted worker migrates the
    /// schema when it starts.
    /// </summary>
    /// <param name="builder">The tracking builder.</param>
    /// <param name="connectionString">An Npgsql connection string (<c>Host=…;Database=…;Username=…;Password=…</c>).</param>
    /// <param name="options">The schema to use; <see langword="null"/> for <c>faxsdk</c>.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentException">The connection string is empty or malformed (its text is not repeated), or the schema name is not a plain identifier.</exception>
    public static FaxTrackingBuilder UsePostgreSql(this FaxTrackingBuilder builder, string connectionString, FaxPostgreSqlTrackingStoreOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        // Refuse a malformed string or schema name now, at registration, not at the worker's first start.
        PostgreSqlConnectionStrings.Validate(connectionString);
        PostgreSqlIdentifier.Quote((options ?? new FaxPostgreSqlTrackingStoreOptions()).Schema, nameof(options));
        return builder.UseStore(_ => new FaxPostgreSqlTrackingStore(connectionString, options));
    }

    /// <summary>
    /// Tracks jobs in PostgreSQL through a data source from the services (for example one registered with
    /// Npgsql.DependencyInjection's <c>AddNpgsqlDataSource</c>); the data source stays its owner's to dispose.
    /// </summary>
    /// <param name="builder">The tracking builder.</param>
    /// <param name="dataSource">Returns the data source.</param>
    /// <param name="options">The schema to use; <see langword="null"/> for <c>faxsdk</c>.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentException">The schema name is not a plain identifier.</exception>
    public static FaxTrackingBuilder UsePostgreSql(this FaxTrackingBuilder builder, Func<IServiceProvider, NpgsqlDataSource> dataSource, FaxPostgreSqlTrackingStoreOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(dataSource);
        PostgreSqlIdentifier.Quote((options ?? new FaxPostgreSqlTrackingStoreOptions()).Schema, nameof(options));
        return builder.UseStore(services => new FaxPostgreSqlTrackingStore(dataSource(services), options));
    }
}
