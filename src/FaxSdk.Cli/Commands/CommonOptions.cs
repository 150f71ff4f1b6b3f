using System.CommandLine;
using FaxSdk.Cli.Hosting;

namespace FaxSdk.Cli.Commands;

/// <summary>The options the commands that talk to providers share (a new instance per command).</summary>
internal static class CommonOptions
{
    /// <summary><c>--config FILE</c>.</summary>
    /// <returns>The option.</returns>
    public static Option<FileInfo?> Config() => new("--config", "-c")
    {
        Description = "A JSON configuration file with a FaxSdk section (FaxSdk:Phaxio:ApiKey, …). Environment variables such as FaxSdk__Phaxio__ApiKey override it; without it only the environment is read.",
    };

    /// <summary><c>--provider P</c>, one of the five provider ids.</summary>
    /// <returns>The option.</returns>
    public static Option<string> Provider()
    {
        var option = new Option<string>("--provider", "-p")
        {
            Description = $"The provider: {string.Join(", ", CliProvider.Ids)}.",
            Required = true,
        };
        option.AcceptOnlyFromAmong([.. CliProvider.Ids]);
        return option;
    }

    /// <summary><c>--instance NAME</c>: a named instance (FaxSdk:{Provider}:Instances:{NAME}).</summary>
    /// <returns>The option.</returns>
    public static Option<string> Instance() => new("--instance", "-i")
    {
        Description = "A named instance of the provider (configured under FaxSdk:{Provider}:Instances:{NAME}); the provider's own section when omitted.",
        DefaultValueFactory = _ => FaxJobReference.DefaultInstance,
    };

    /// <summary><c>--json</c>.</summary>
    /// <returns>The option.</returns>
    public static Option<bool> Json() => new("--json") { Description = "Print the canonical JSON array instead of a table." };
}
