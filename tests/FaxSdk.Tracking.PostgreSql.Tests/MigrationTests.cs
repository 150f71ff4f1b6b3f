using Npgsql;

namespace FaxSdk.Tracking.PostgreSql.Tests;

public sealed class MigrationTests(PostgreSqlServerFixture server) : PostgreSqlDatabaseTest(server)
{
    [Fact]
    public async Task A_new_database_is_migrated_to_the_latest_version_in_its_own_schema()
    {
        var store = NewStore();
        Assert.Equal(0, await store.GetSchemaVersionAsync());

        await store.MigrateAsync();

        Assert.Equal(store.LatestSchemaVersion, await store.GetSchemaVersionAsync());
        Assert.Equal(1L, await ScalarAsync("SELECT count(*) FROM pg_namespace WHERE nspname = 'faxsdk'"));
        Assert.Equal(0L, await ScalarAsync("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'"));
        Assert.Equal(3L, await ScalarAsync("SELECT count(*) FROM pg_tables WHERE schemaname = 'faxsdk' AND tablename IN ('jobs', 'leases', 'schema_migrations')"));
    }

    [Fact]
    public async Task Migrating_again_keeps_every_job()
    {
        var store = await NewMigratedStoreAsync();
        var now = new DateTimeOffset(2026, 11, 30, 10, 0, 0, TimeSpan.Zero);
        await store.AddAsync(Jobs(5), now);
        await store.WriteStatusesAsync([(Jobs(1)[0], StatusOf(Jobs(1)[0], FaxJobState.Succeeded))]);

        await NewStore().MigrateAsync();
        await store.MigrateAsync();

        Assert.Equal(5, (await store.CountAsync(now)).Total);
        Assert.Equal(FaxJobState.Succeeded, (await store.GetAsync(Jobs(1)[0]))!.Status!.State);
        Assert.Equal((long)store.LatestSchemaVersion, await ScalarAsync("SELECT count(*) FROM faxsdk.schema_migrations"));
    }

    [Fact]
    public async Task Concurrent_migrations_from_several_connections_apply_each_version_once()
    {
        var stores = Enumerable.Range(0, 8).Select(_ => NewStore()).ToList();

        await Task.WhenAll(stores.Select(s => Task.Run(() => s.MigrateAsync())));

        Assert.Equal((long)stores[0].LatestSchemaVersion, await ScalarAsync("SELECT count(*) FROM faxsdk.schema_migrations"));
        Assert.Equal(stores[0].LatestSchemaVersion, await ScalarAsync("SELECT max(version) FROM faxsdk.schema_migrations"));
        var now = DateTimeOffset.UnixEpoch;
        Assert.Equal(3, await stores[3].AddAsync(Jobs(3), now));
        Assert.Equal(3, (await stores[5].CountAsync(now)).Total);
    }

    [Fact]
    public async Task A_schema_newer_than_the_package_is_refused_and_left_as_it_is()
    {
        var store = await NewMigratedStoreAsync();
        await store.AddAsync(Jobs(2), DateTimeOffset.UnixEpoch);
        await ScalarAsync("INSERT INTO faxsdk.schema_migrations (version, description) VALUES (999, 'from the future')");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => NewStore().MigrateAsync());

        Assert.Contains("999", error.Message, StringComparison.Ordinal);
        Assert.Equal(2L, await ScalarAsync("SELECT count(*) FROM faxsdk.jobs"));
        Assert.Equal(999, await ScalarAsync("SELECT max(version) FROM faxsdk.schema_migrations"));
    }

    [Fact]
    public async Task Stores_in_different_schemas_of_one_database_are_independent()
    {
        var blue = await NewMigratedStoreAsync("tracking_blue");
        var green = await NewMigratedStoreAsync("tracking_green");

        await blue.AddAsync(Jobs(4), DateTimeOffset.UnixEpoch);
        await green.AddAsync(Jobs(1), DateTimeOffset.UnixEpoch);

        Assert.Equal(4, (await blue.CountAsync(DateTimeOffset.UnixEpoch)).Total);
        Assert.Equal(1, (await green.CountAsync(DateTimeOffset.UnixEpoch)).Total);
        Assert.Equal(0L, await ScalarAsync("SELECT count(*) FROM pg_namespace WHERE nspname = 'faxsdk'"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("faxsdk; DROP TABLE x")]
    [InlineData("fax\"sdk")]
    [InlineData("1faxsdk")]
    public void A_schema_name_that_is_not_a_plain_identifier_is_refused(string schema) =>
        Assert.Throws<ArgumentException>(() => new FaxPostgreSqlTrackingStore(ConnectionString, new FaxPostgreSqlTrackingStoreOptions { Schema = schema }));

    [Fact]
    public async Task A_role_without_create_on_the_database_can_use_a_schema_that_is_already_current()
    {
        await NewMigratedStoreAsync();
        var role = "faxsdk_worker_" + Guid.NewGuid().ToString("N")[..12];
        await ScalarAsync(
            $"""
            CREATE ROLE {role} LOGIN PASSWORD 'worker-password';
            REVOKE CREATE ON DATABASE "{new NpgsqlConnectionStringBuilder(ConnectionString).Database}" FROM PUBLIC;
            GRANT USAGE ON SCHEMA faxsdk TO {role};
            GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA faxsdk TO {role};
            """);
        try
        {
            var worker = new NpgsqlConnectionStringBuilder(ConnectionString) { Username = role, Password = "worker-password" }.ConnectionString;
            await using var store = new FaxPostgreSqlTrackingStore(worker);

            await store.MigrateAsync();

            Assert.Equal(2, await store.AddAsync(Jobs(2), DateTimeOffset.UnixEpoch));
            Assert.Equal(2, (await store.ClaimDueAsync("w1", DateTimeOffset.UnixEpoch, 10, TimeSpan.FromMinutes(1))).Count);
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await ScalarAsync($"DROP OWNED BY {role}; DROP ROLE {role}");
        }
    }
}
