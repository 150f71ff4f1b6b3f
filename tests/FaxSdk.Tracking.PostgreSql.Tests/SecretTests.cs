using Npgsql;

namespace FaxSdk.Tracking.PostgreSql.Tests;

public sealed class SecretTests
{
    private const string Password = "s3cret;Pass=word";

    [Fact]
    public void A_malformed_connection_string_is_refused_without_repeating_it()
    {
        var error = Assert.Throws<ArgumentException>(() => new FaxPostgreSqlTrackingStore("Host=127.0.0.1;Password=s3cret;Pass=word;Port=x"));

        Assert.DoesNotContain("s3cret", error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("Pass=word", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_server_that_cannot_be_reached_is_reported_without_the_password()
    {
        // Port 1 on the loopback address: nothing listens there.
        var connectionString = new NpgsqlConnectionStringBuilder { Host = "127.0.0.1", Port = 1, Username = "fax", Password = Password, Timeout = 3 }.ConnectionString;
        await using var store = new FaxPostgreSqlTrackingStore(connectionString);

        var error = await Assert.ThrowsAnyAsync<Exception>(() => store.MigrateAsync());

        Assert.DoesNotContain("s3cret", error.ToString(), StringComparison.Ordinal);
    }
}
