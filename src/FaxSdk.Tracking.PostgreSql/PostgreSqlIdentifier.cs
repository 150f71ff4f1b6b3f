using System.Text.RegularExpressions;

namespace FaxSdk.Tracking.PostgreSql;

/// <summary>Checks and quotes the configured schema name, the only identifier that is not fixed in the SQL text.</summary>
internal static partial class PostgreSqlIdentifier
{
    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]{0,62}$", RegexOptions.CultureInvariant)]
    private static partial Regex PlainIdentifier();

    /// <summary>Returns the name double-quoted for SQL, after checking it is a plain identifier.</summary>
    /// <exception cref="ArgumentException">The name is not a plain identifier.</exception>
    public static string Quote(string name, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(name, parameterName);
        if (!PlainIdentifier().IsMatch(name))
        {
            throw new ArgumentException(
                "A PostgreSQL schema name must start with a letter or underscore and hold only letters, digits and underscores (at most 63).",
                parameterName);
        }

        return "\"" + name + "\"";
    }
}
