using System.CommandLine;
using System.Text.Json;
using FaxSdk.Cli.Hosting;
using FaxSdk.Serialization;

namespace FaxSdk.Cli.Commands;

/// <summary><c>faxstatus parse --provider P FILE</c>: reads a stored provider response and prints canonical JSON.</summary>
internal static class ParseCommand
{
    public static Command Create(CliConsole console)
    {
        var provider = new Option<string>("--provider", "-p")
        {
            Description = $"The provider whose response FILE holds: {string.Join(", ", CliProvider.ParserIds)}.",
            Required = true,
        };
        provider.AcceptOnlyFromAmong([.. CliProvider.ParserIds]);
        var file = new Argument<FileInfo>("FILE") { Description = "A provider response body (JSON), or '-' for standard input." };
        var command = new Command("parse", """
            Read a provider status response from FILE and print the canonical statuses as a JSON array.
            Concord: a JSON or SOAP GetFaxStatus response. Retarus: a report list ({"reports":[...]}) or one report.
            Example: faxstatus parse --provider phaxio response.json
            """)
        {
            provider,
            file,
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var providerId = parseResult.GetRequiredValue(provider);
            var path = parseResult.GetRequiredValue(file);
            byte[] body;
            try
            {
                body = path.Name == "-" && !path.Exists
                    ? await ReadStandardInputAsync(cancellationToken).ConfigureAwait(false)
                    : await File.ReadAllBytesAsync(path.FullName, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                await console.Error.WriteLineAsync($"faxstatus: cannot read '{path}': {exception.Message}").ConfigureAwait(false);
                return ExitCodes.InputError;
            }

            IReadOnlyList<FaxJobStatus> statuses;
            try
            {
                statuses = CliProvider.Get(providerId).ParsePayload(body);
            }
            catch (FaxProtocolException exception)
            {
                await console.Error.WriteLineAsync($"faxstatus: {OneLine(exception.Message)}").ConfigureAwait(false);
                return ExitCodes.InputError;
            }
            catch (FaxSdkException exception)
            {
                await console.Error.WriteLineAsync($"faxstatus: {OneLine(exception.Message)}").ConfigureAwait(false);
                return ExitCodes.ProviderError;
            }

            await console.Out.WriteLineAsync(JsonSerializer.Serialize(statuses, FaxSdkJsonContext.Canonical.IReadOnlyListFaxJobStatus)).ConfigureAwait(false);
            return ExitCodes.Success;
        });
        return command;
    }

    private static async Task<byte[]> ReadStandardInputAsync(CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await using var input = Console.OpenStandardInput();
        await input.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
        return buffer.ToArray();
    }

    private static string OneLine(string message) => message.ReplaceLineEndings(" ");
}
