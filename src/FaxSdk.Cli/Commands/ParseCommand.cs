using System.CommandLine;
using System.Text.Json;
using FaxSdk.AspNetCore;
using FaxSdk.Cli.Hosting;
using FaxSdk.Cli.Output;
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
        var timeZone = new Option<string?>("--time-zone")
        {
            Description = "The provider server's time zone (an IANA or Windows id such as Europe/Rome) for times written without an offset (StoneFax); other providers' answers carry offsets. Default UTC.",
        };
        var jobId = new Option<string?>("--job-id")
        {
            Description = "The job an answer is about when the answer does not name it (Concord SimpleGetFaxStatus); answers that name their job ignore it.",
        };
        var contentType = new Option<string?>("--content-type")
        {
            Description = "FILE is a stored push (webhook) body with this Content-Type (for example 'multipart/form-data; boundary=…', application/x-www-form-urlencoded, text/xml): it is decoded as the webhook host would (forms included) and read by the provider's webhook parser. No signature is checked.",
        };
        var command = new Command("parse", """
            Read a provider status response from FILE and print the canonical statuses as a JSON array.
            With --content-type, FILE is a stored push body instead (a Phaxio multipart or url-encoded callback, Retarus
            XML, a Concord form or SOAP notification, a Pantarey JSON push); --time-zone and --job-id do not apply.
            Concord: a JSON or SOAP GetFaxStatus or GetRealTimeFaxStatus(Ex) answer, or with --job-id a SimpleGetFaxStatus
            answer. Retarus: a report list ({"reports":[...]}) or one report.
            Exit 3 when FILE cannot be read as the provider's status answer (one line on stderr), 4 when the answer is the
            provider's own error (success:false, return:false).
            Example: faxstatus parse --provider phaxio response.json
                     faxstatus parse --provider stonefax --time-zone Europe/Rome response.json
                     faxstatus parse --provider phaxio --content-type 'application/x-www-form-urlencoded' push.txt
            """)
        {
            provider,
            file,
            timeZone,
            jobId,
            contentType,
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

            if (parseResult.GetValue(contentType) is { } pushContentType)
            {
                return await ParsePushAsync(console, providerId, pushContentType, body, cancellationToken).ConfigureAwait(false);
            }

            TimeZoneInfo? zone = null;
            if (parseResult.GetValue(timeZone) is { } zoneId)
            {

                if (!TimeZoneInfo.TryFindSystemTimeZoneById(zoneId, out zone))
                {
                    await console.Error.WriteLineAsync($"faxstatus: unknown time zone '{TerminalText.Escape(zoneId)}' (use an id such as Europe/Rome or UTC).").ConfigureAwait(false);
                    return ExitCodes.InputError;
                }
            }

            var simpleJobId = parseResult.GetValue(jobId);

            IReadOnlyList<FaxJobStatus> statuses;
            try
            {
                statuses = CliProvider.Get(providerId).ParsePayload(body, new FaxPayloadContext { ServerTimeZone = zone, JobId = simpleJobId });
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
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // A parser that broke its promise (it should throw FaxProtocolException): still one line, exit 3.
                await console.Error.WriteLineAsync($"faxstatus: {providerId}: the file cannot be read as a status answer ({exception.GetType().Name}: {OneLine(exception.Message)}).").ConfigureAwait(false);
                return ExitCodes.InputError;
            }

            await console.Out.WriteLineAsync(JsonSerializer.Serialize(statuses, FaxSdkJsonContext.Canonical.IReadOnlyListFaxJobStatus)).ConfigureAwait(false);
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>A stored push body: decoded as <c>MapFaxWebhooks</c> would (forms included), read by the provider's <see cref="FaxProviderDescriptor.WebhookParser"/>.</summary>
    private static async Task<int> ParsePushAsync(CliConsole console, string providerId, string contentType, byte[] body, CancellationToken cancellationToken)
    {
        if (CliProvider.Get(providerId).WebhookParser is not { } parser)
        {
            var able = string.Join(", ", CliProvider.All.Where(p => p.WebhookParser is not null).Select(p => p.Id));
            await console.Error.WriteLineAsync($"faxstatus: provider '{providerId}' cannot read stored pushes (its package has no webhook parser); providers that can: {(able.Length == 0 ? "none" : able)}.").ConfigureAwait(false);
            return ExitCodes.UsageError;
        }

        IReadOnlyList<FaxJobStatus> statuses;
        try
        {
            // The file is already in memory: only the form limits matter (a stored push is not a request to bound in time).
            var limits = new FaxWebhookReadLimits { MaxBodyBytes = Math.Max(body.Length, 1), BodyReadTimeout = null };
            var request = await FaxWebhookRequestReader.ReadAsync(StoredPushUrl, contentType, new MemoryStream(body, writable: false), limits, readForm: true, cancellationToken: cancellationToken).ConfigureAwait(false);
            statuses = parser(request);
        }
        catch (FaxWebhookReadException exception)
        {
            await console.Error.WriteLineAsync($"faxstatus: {providerId}: the file cannot be read as '{TerminalText.Escape(contentType)}': {exception.Message}.").ConfigureAwait(false);
            return ExitCodes.InputError;
        }
        catch (FaxProtocolException exception)
        {
            await console.Error.WriteLineAsync($"faxstatus: {OneLine(exception.Message)}").ConfigureAwait(false);
            return ExitCodes.InputError;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            await console.Error.WriteLineAsync($"faxstatus: {providerId}: the file cannot be read as a push ({exception.GetType().Name}: {OneLine(exception.Message)}).").ConfigureAwait(false);
            return ExitCodes.InputError;
        }

        await console.Out.WriteLineAsync(StatusFormat.Json(statuses)).ConfigureAwait(false);
        return ExitCodes.Success;
    }

    /// <summary>The URL a stored push is given (it is not authenticated, so no signature depends on it).</summary>
    private static readonly Uri StoredPushUrl = new("http://127.0.0.1/faxsdk/hooks/stored");

    private static async Task<byte[]> ReadStandardInputAsync(CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await using var input = Console.OpenStandardInput();
        await input.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
        return buffer.ToArray();
    }

    private static string OneLine(string message) => TerminalText.Escape(message.ReplaceLineEndings(" "));
}
