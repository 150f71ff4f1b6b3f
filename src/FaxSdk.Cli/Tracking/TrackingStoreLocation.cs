using Npgsql;

namespace FaxSdk.Cli.Tracking;

/// <summary>
/// Where a tracking store lives, as <c>--store</c> names it: <c>sqlite:PATH</c> (a file) or
/// <c>postgres:CONNECTION-STRING</c> (Npgsql syntax). The connection string may hold a password: it is never printed,
/// neither in errors nor in <see cref="Display"/>.
/// </summary>
internal sealed record TrackingStoreLocation
{
    /// <summary>The prefix of a SQLite store.</summary>
    public const string SqlitePrefix = "sqlite:";

    /// <summary>The prefix of a PostgreSQL store.</summary>
    public const string PostgresPrefix = "postgres:";

    /// <summary>What <c>--store</c> accepts, for help and errors.</summary>
    public const string Syntax = "sqlite:PATH or postgres:CONNECTION-STRING";

    private TrackingStoreLocation(TrackingStoreKind kind, string target, string display)
    {
        Kind = kind;
        Target = target;
        Display = display;
    }

    /// <summary>Which database.</summary>
    public TrackingStoreKind Kind { get; }

    /// <summary>The SQLite file's full path, or the PostgreSQL connection string (secret: never print it).</summary>
    public string Target { get; }

    /// <summary>The store as it may be printed: <c>sqlite:/full/path.db</c> or <c>postgres:Host=…;Database=…</c> without the password.</summary>
    public string Display { get; }

    /// <summary>The passwords in a PostgreSQL connection string (<c>Password</c>, <c>SSL Password</c>), to hide in messages.</summary>
    public IReadOnlyList<string> Secrets { get; private init; } = [];

    /// <summary>Replaces the connection string and every password in <paramref name="message"/>, and folds it onto one line.</summary>
    /// <param name="message">A message, for example a database error.</param>
    /// <returns>The message, safe to print.</returns>
    public string Redact(string message)
    {
        if (Kind == TrackingStoreKind.PostgreSql)
        {
            message = message.Replace(Target, "***", StringComparison.Ordinal);
        }

        foreach (var secret in Secrets)
        {
            message = message.Replace(secret, "***", StringComparison.Ordinal);
        }

        return message.ReplaceLineEndings(" ");
    }

    /// <inheritdoc />
    public override string ToString() => Display;

    /// <summary>Reads a <c>--store</c> value.</summary>
    /// <param name="text">The value.</param>
    /// <param name="location">The store, when the value is valid.</param>
    /// <param name="error">Why it is not, in one line that never repeats a connection string.</param>
    /// <returns>Whether the value is valid.</returns>
    public static bool TryParse(string text, out TrackingStoreLocation? location, out string? error)
    {
        location = null;
        error = null;
        if (text.StartsWith(SqlitePrefix, StringComparison.OrdinalIgnoreCase))
        {
            var path = text[SqlitePrefix.Length..];
            if (string.IsNullOrWhiteSpace(path))
            {
                error = "--store sqlite: needs the database file's path, for example sqlite:./fax-tracking.db.";
                return false;
            }

            if (path.Any(char.IsControl) || path.IndexOfAny(System.IO.Path.GetInvalidPathChars()) >= 0)
            {
                error = "--store sqlite: the path has a character a file name cannot have.";
                return false;
            }

            string full;
            try
            {
                full = System.IO.Path.GetFullPath(path);
            }
            catch (Exception exception) when (exception is ArgumentException or NotSupportedException or PathTooLongException)
            {
                error = "--store sqlite: the path is not a valid file path.";
                return false;
            }

            location = new TrackingStoreLocation(TrackingStoreKind.Sqlite, full, SqlitePrefix + full);
            return true;
        }

        if (text.StartsWith(PostgresPrefix, StringComparison.OrdinalIgnoreCase))
        {
            return TryParsePostgres(text[PostgresPrefix.Length..], out location, out error);
        }

        // The value may be a connection string with a forgotten or misspelt prefix: show only a short, harmless prefix.
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        var scheme = colon is > 0 and <= 16 && text[..colon].All(char.IsAsciiLetterOrDigit) ? text[..colon] : null;
        error = scheme is null
            ? $"--store must be {Syntax} (the value given is not shown: it may hold a password)."
            : $"--store must be {Syntax}; '{scheme}:' is not a store type.";
        return false;
    }

    private static bool TryParsePostgres(string connectionString, out TrackingStoreLocation? location, out string? error)
    {
        location = null;
        const string Example = "for example postgres:Host=localhost;Database=fax;Username=fax;Password=…";
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            error = $"--store postgres: needs an Npgsql connection string, {Example}.";
            return false;
        }

        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (Exception exception) when (exception is ArgumentException or FormatException or InvalidCastException or OverflowException or KeyNotFoundException)
        {
            // The parser's message can quote part of the string (a password with a ';' in it): say only what is expected.
            error = $"--store postgres: the connection string is malformed (Npgsql Key=Value;… syntax, {Example}); it is not shown because it may hold a password.";
            return false;
        }

        if (string.IsNullOrWhiteSpace(builder.Host))
        {
            error = $"--store postgres: the connection string needs Host=…, {Example}.";
            return false;
        }

        var secrets = new[] { builder.Password, builder.SslPassword }.Where(s => !string.IsNullOrEmpty(s)).Select(s => s!).ToList();
        var shown = new NpgsqlConnectionStringBuilder(connectionString) { Password = null, SslPassword = null };
        error = null;
        location = new TrackingStoreLocation(TrackingStoreKind.PostgreSql, connectionString, PostgresPrefix + shown.ConnectionString)
        {
            Secrets = secrets,
        };
        return true;
    }
}
