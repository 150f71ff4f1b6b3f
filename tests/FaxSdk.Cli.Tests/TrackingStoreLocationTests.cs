using FaxSdk.Cli.Tracking;

namespace FaxSdk.Cli.Tests;

public class TrackingStoreLocationTests
{
    private const string Password = "s3cr3t;Pa55";

    [Fact]
    public void Sqlite_is_a_full_path_and_shown_as_such()
    {
        Assert.True(TrackingStoreLocation.TryParse("sqlite:fax.db", out var location, out var error));

        Assert.Null(error);
        Assert.Equal(TrackingStoreKind.Sqlite, location!.Kind);
        Assert.Equal(Path.GetFullPath("fax.db"), location.Target);
        Assert.Equal("sqlite:" + Path.GetFullPath("fax.db"), location.Display);
    }

    [Fact]
    public void Postgres_keeps_the_connection_string_but_shows_it_without_its_passwords()
    {
        var text = $"postgres:Host=db.internal;Port=5433;Database=fax;Username=tracker;Password='{Password}';SSL Password=keypass";

        Assert.True(TrackingStoreLocation.TryParse(text, out var location, out var error));

        Assert.Null(error);
        Assert.Equal(TrackingStoreKind.PostgreSql, location!.Kind);
        Assert.Equal(text["postgres:".Length..], location.Target);
        Assert.StartsWith("postgres:", location.Display, StringComparison.Ordinal);
        Assert.Contains("Host=db.internal", location.Display, StringComparison.Ordinal);
        Assert.Contains("Database=fax", location.Display, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cr3t", location.Display, StringComparison.Ordinal);
        Assert.DoesNotContain("keypass", location.Display, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cr3t", location.ToString(), StringComparison.Ordinal);

        var redacted = location.Redact($"could not log in with {Password} using {location.Target}\nsecond line keypass");
        Assert.DoesNotContain("s3cr3t", redacted, StringComparison.Ordinal);
        Assert.DoesNotContain("keypass", redacted, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', redacted);
    }

    [Theory]
    [InlineData("sqlite:", "--store sqlite: needs the database file's path")]
    [InlineData("sqlite:   ", "--store sqlite: needs the database file's path")]
    [InlineData("sqlite:a\u0001b", "--store sqlite: the path has a character a file name cannot have.")]
    [InlineData("postgres:", "--store postgres: needs an Npgsql connection string")]
    [InlineData("postgres:Database=fax;Password='" + Password + "'", "--store postgres: the connection string needs Host=")]
    [InlineData("postgres:Hots=db;Password=" + Password, "--store postgres: the connection string is malformed")]
    [InlineData("postgres:Host=db;Port=many;Password=" + Password, "--store postgres: the connection string is malformed")]
    [InlineData("postgres:Host=db;Password='" + Password, "--store postgres: the connection string is malformed")]
    [InlineData("postgresql:Host=db;Password=" + Password, "--store must be sqlite:PATH or postgres:CONNECTION-STRING; 'postgresql:' is not a store type.")]
    [InlineData("Host=db;Password=" + Password, "--store must be sqlite:PATH or postgres:CONNECTION-STRING (the value given is not shown")]
    [InlineData("fax.db", "--store must be sqlite:PATH or postgres:CONNECTION-STRING (the value given is not shown")]
    [InlineData("", "--store must be sqlite:PATH or postgres:CONNECTION-STRING (the value given is not shown")]
    public void Anything_else_is_refused_with_one_line_that_never_repeats_a_password(string text, string expected)
    {
        Assert.False(TrackingStoreLocation.TryParse(text, out var location, out var error));

        Assert.Null(location);
        Assert.StartsWith(expected, error, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cr3t", error, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error!);
    }
}
