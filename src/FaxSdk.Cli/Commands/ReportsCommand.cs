using System.CommandLine;
using FaxSdk.Cli.Hosting;
using FaxSdk.Cli.Output;

namespace FaxSdk.Cli.Commands;

/// <summary><c>faxstatus reports --config FILE --provider retarus [--ack]</c>: reads (and optionally acknowledges) the report feed.</summary>
internal static class ReportsCommand
{
    public static Command Create(CliConsole console)
    {
        var config = CommonOptions.Config();
        var provider = CommonOptions.Provider();
        var instance = CommonOptions.Instance();
        var json = CommonOptions.Json();
        var ack = new Option<bool>("--ack")
        {
            Description = "After printing them, acknowledge (delete) the reports on the provider so they are not read again. Without it the feed is left as it was.",
        };
        var command = new Command("reports", """
            Read the provider's report feed (the final reports of finished jobs; Retarus has one) and print each report;
            with --ack, delete the reports from the provider, only after they were printed. A provider without a report
            feed is a usage error (exit 2).
            Example: faxstatus reports --config faxsdk.json --provider retarus --ack
            """)
        {
            config,
            provider,
            instance,
            json,
            ack,
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var providerId = parseResult.GetRequiredValue(provider);
            var instanceName = parseResult.GetRequiredValue(instance);
            await using var services = await CliServices.OpenAsync(parseResult.GetValue(config), providerId, instanceName, console, cancellationToken).ConfigureAwait(false);
            if (services is null)
            {
                return ExitCodes.InputError;
            }

            if (services.Providers.GetProvider(providerId, instanceName) is not IFaxReportFeedProvider feed)
            {
                var feeds = services.Providers.Registrations
                    .Where(r => services.Providers.GetProvider(r.ProviderId, r.InstanceName) is IFaxReportFeedProvider)
                    .Select(r => r.ProviderId).Distinct().Order(StringComparer.Ordinal).ToList();
                var hint = feeds.Count == 0 ? "" : $" (configured providers with one: {string.Join(", ", feeds)})";
                await console.Error.WriteLineAsync($"faxstatus: provider '{providerId}' has no report feed; read its jobs with 'faxstatus status' instead{hint}.".AsMemory(), cancellationToken).ConfigureAwait(false);
                return ExitCodes.UsageError;
            }

            var reports = new List<FaxReport>();
            try
            {
                await foreach (var report in feed.ReadReportsAsync(cancellationToken).ConfigureAwait(false))
                {
                    reports.Add(report);
                }
            }
            catch (FaxSdkException exception)
            {
                await console.Error.WriteLineAsync(ProviderErrors.Line(null, exception, services.Redactor).AsMemory(), cancellationToken).ConfigureAwait(false);
                return ExitCodes.ProviderError;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                await console.Error.WriteLineAsync("faxstatus: cancelled; nothing was acknowledged.").ConfigureAwait(false);
                return ExitCodes.Cancelled;
            }

            var statuses = reports.Select(r => r.Status).ToList();
            if (parseResult.GetValue(json))
            {
                await console.Out.WriteLineAsync(StatusFormat.Json(statuses).AsMemory(), cancellationToken).ConfigureAwait(false);
            }
            else if (statuses.Count == 0)
            {
                await console.Out.WriteLineAsync("No reports waiting.".AsMemory(), cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await StatusFormat.Table(statuses).WriteAsync(console.Out, cancellationToken).ConfigureAwait(false);
            }

            await console.Out.FlushAsync(cancellationToken).ConfigureAwait(false);
            if (!parseResult.GetValue(ack) || reports.Count == 0)
            {
                if (reports.Count > 0)
                {
                    await console.Error.WriteLineAsync($"faxstatus: {reports.Count} report(s) left on the provider; run again with --ack to delete them.".AsMemory(), cancellationToken).ConfigureAwait(false);
                }

                return ExitCodes.Success;
            }

            try
            {
                await feed.AcknowledgeAsync(reports, CancellationToken.None).ConfigureAwait(false);
            }
            catch (FaxSdkException exception)
            {
                await console.Error.WriteLineAsync(ProviderErrors.Line(null, exception, services.Redactor).AsMemory(), cancellationToken).ConfigureAwait(false);
                await console.Error.WriteLineAsync("faxstatus: the reports printed above were not all acknowledged; they will be read again next time.".AsMemory(), cancellationToken).ConfigureAwait(false);
                return ExitCodes.ProviderError;
            }

            await console.Error.WriteLineAsync($"faxstatus: acknowledged {reports.Count} report(s).".AsMemory(), cancellationToken).ConfigureAwait(false);
            return ExitCodes.Success;
        });
        return command;
    }
}
