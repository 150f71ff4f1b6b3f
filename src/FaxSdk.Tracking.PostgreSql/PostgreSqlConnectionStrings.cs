using Npgsql;

namespace FaxSdk.Tracking.PostgreSql;

/// <summary>Builds data sources from connection strings without ever repeating the string (it may hold a password).</summary>
internal static class PostgreSqlConnectionStrings
{
    /// <summary>Creates a data source; a malformed string is reported without its text or the parser's message.</summary>
    /// <exception cref="ArgumentException">The connection string is empty or malformed.</exception>
    public static NpgsqlDataSource CreateDataSource(string connectionString)
    {
        var builder = Parse(connectionString, s => new NpgsqlDataSourceBuilder(s));
        builder.Name ??= "faxsdk-tracking";
        return builder.Build();
    }

    /// <summary>Checks that a connection string parses, without connecting.</summary>
    /// <exception cref="ArgumentException">The connection string is empty or malformed.</exception>
    public static void Validate(string connectionString) => Parse(connectionString, s => new NpgsqlConnectionStringBuilder(s));

    private static T Parse<T>(string connectionString, Func<string, T> parse)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        try
        {
            return parse(connectionString);
        }
        catch (Exception e) when (e is ArgumentException or FormatException or InvalidCastException or OverflowException or KeyNotFoundException)
        {
            // The parser's message can quote a fragment of the string (a password with a ';' in it, for example).
            throw new ArgumentException(
                "The PostgreSQL connection string is malformed (use Npgsql's Key=Value;… syntax). Its text is not shown because it may hold a password.",
                nameof(connectionString));
        }
    }
}
