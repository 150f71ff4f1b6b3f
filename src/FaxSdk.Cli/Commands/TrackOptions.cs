using System.CommandLine;
using FaxSdk.Cli.Tracking;

namespace FaxSdk.Cli.Commands;

/// <summary>The options the <c>track</c> commands share (a new instance per command).</summary>
internal static class TrackOptions
{
    /// <summary><c>--store STORE</c>: <c>sqlite:PATH</c> or <c>postgres:CONNECTION-STRING</c>, checked while parsing.</summary>
    /// <returns>The option.</returns>
    public static Option<TrackingStoreLocation> Store() => new("--store", "-s")
    {
        Description = $"The tracking store: {TrackingStoreLocation.Syntax} (Npgsql syntax: Host=…;Database=…;Username=…;Password=…). A SQLite file, or the PostgreSQL schema, is created when missing.",
        Required = true,
        CustomParser = result =>
        {
            if (TrackingStoreLocation.TryParse(result.Tokens[^1].Value, out var location, out var error))
            {
                return location;
            }

            result.AddError(error!);
            return null;
        },
    };
}
