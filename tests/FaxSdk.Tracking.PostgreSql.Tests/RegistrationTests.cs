using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace FaxSdk.Tracking.PostgreSql.Tests;

public sealed class RegistrationTests(PostgreSqlServerFixture server) : PostgreSqlDatabaseTest(server)
{
    [Fact]
    public async Task UsePostgreSql_registers_the_store_that_every_instance_tracks_jobs_in()
    {
        await using var first = Services(t => t.UsePostgreSql(ConnectionString, new FaxPostgreSqlTrackingStoreOptions { Schema = "app_tracking" }));
        await using var second = Services(t => t.UsePostgreSql(ConnectionString, new FaxPostgreSqlTrackingStoreOptions { Schema = "app_tracking" }));
        var store = Assert.IsType<FaxPostgreSqlTrackingStore>(first.GetRequiredService<IFaxTrackingStore>());
        Assert.Equal("app_tracking", store.Schema);
        await store.MigrateAsync();

        Assert.Equal(2, await first.GetRequiredService<IFaxJobTracking>().TrackAsync(Jobs(2)));
        Assert.Equal(1, await second.GetRequiredService<IFaxJobTracking>().TrackAsync(Jobs(3)));

        Assert.Equal(3L, await ScalarAsync("SELECT count(*) FROM app_tracking.jobs"));
    }

    [Fact]
    public async Task UsePostgreSql_with_a_data_source_from_the_services_leaves_it_to_its_owner()
    {
        await using var dataSource = NpgsqlDataSource.Create(ConnectionString);
        await using (var services = Services(t => t.UsePostgreSql(_ => dataSource)))
        {
            var store = services.GetRequiredService<IFaxTrackingStore>();
            await store.MigrateAsync();
            Assert.Equal(1, await store.AddAsync(Jobs(1), DateTimeOffset.UnixEpoch));
        }

        // The provider disposed the store, not the data source it was given.
        await using var command = dataSource.CreateCommand("SELECT count(*) FROM faxsdk.jobs");
        Assert.Equal(1L, await command.ExecuteScalarAsync());
    }

    [Fact]
    public void A_malformed_connection_string_or_schema_is_refused_at_registration_without_the_password()
    {
        var error = Assert.Throws<ArgumentException>(() => Services(t => t.UsePostgreSql("Host=db;Password=hunter2;Port=notanumber")));
        Assert.DoesNotContain("hunter2", error.ToString(), StringComparison.Ordinal);

        Assert.Throws<ArgumentException>(() => Services(t => t.UsePostgreSql(ConnectionString, new FaxPostgreSqlTrackingStoreOptions { Schema = "bad schema" })));
    }

    private static ServiceProvider Services(Action<FaxTrackingBuilder> configure)
    {
        var services = new ServiceCollection();
        services.AddFaxSdk().AddTracking(configure);
        return services.BuildServiceProvider();
    }
}
