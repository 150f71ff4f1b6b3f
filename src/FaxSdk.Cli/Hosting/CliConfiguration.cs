using System.Text.Json;
using Microsoft.Extensions.Configuration;

namespace FaxSdk.Cli.Hosting;

/// <summary>
/// Reads the CLI's configuration: the <c>--config</c> JSON file (its <c>FaxSdk</c> section), then environment variables
/// in the standard .NET form (<c>FaxSdk__Phaxio__ApiKey</c>), which override the file.
/// </summary>
internal static class CliConfiguration
{
    /// <summary>Loads the configuration, or writes one clear line to standard error and returns <see langword="null"/>.</summary>
    /// <param name="configPath">The <c>--config</c> file, or <see langword="null"/> for environment variables only.</param>
    /// <param name="console">Where errors go, and the environment to read.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>The configuration root, or <see langword="null"/> (the exit code is then <see cref="ExitCodes.InputError"/>).</returns>
    public static async Task<IConfigurationRoot?> LoadAsync(FileInfo? configPath, CliConsole console, CancellationToken cancellationToken)
    {
        var builder = new ConfigurationBuilder();
        if (configPath is not null)
        {
            if (!configPath.Exists)
            {
                await console.Error.WriteLineAsync($"faxstatus: configuration file '{configPath}' was not found.".AsMemory(), cancellationToken).ConfigureAwait(false);
                return null;
            }

            builder.AddJsonFile(configPath.FullName, optional: false, reloadOnChange: false);
        }

        if (console.Environment is { } environment)
        {
            builder.AddInMemoryCollection(environment
                .Where(e => e.Key.Contains("__", StringComparison.Ordinal))
                .Select(e => new KeyValuePair<string, string?>(e.Key.Replace("__", ConfigurationPath.KeyDelimiter, StringComparison.Ordinal), e.Value)));
        }
        else
        {
            builder.AddEnvironmentVariables();
        }

        try
        {
            return builder.Build();
        }
        catch (InvalidDataException exception)
        {
            var reason = exception.InnerException is JsonException json ? json.Message : exception.Message;
            await console.Error.WriteLineAsync($"faxstatus: configuration file '{configPath}' is not valid JSON: {reason.ReplaceLineEndings(" ")}".AsMemory(), cancellationToken).ConfigureAwait(false);
            return null;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or FormatException)
        {
            await console.Error.WriteLineAsync($"faxstatus: cannot read configuration file '{configPath}': {exception.Message.ReplaceLineEndings(" ")}".AsMemory(), cancellationToken).ConfigureAwait(false);
            return null;
        }
    }
}
