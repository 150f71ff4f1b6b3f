using System.CommandLine;
using FaxSdk.Cli.Hosting;
using FaxSdk.Cli.Output;
using FaxSdk.Cli.Tracking;
using Microsoft.Extensions.DependencyInjection;

namespace FaxSdk.Cli.Commands;

/// <summary>
/// <c>faxstatus track run --config FILE --store STORE [--worker NAME] [--until-idle]</c>: one tracking worker sharing
/// the store with any number of others; prints <c>final &lt;provider&gt; &lt;jobId&gt; &lt;state&gt;</c> per completed job.
/// </summary>
internal static class TrackRunCommand
{
    public static Command Create(CliConsole console)
    {
        var config = CommonOptions.Config();
        var store = TrackOptions.Store();
        var worker = new Option<string?>("--worker", "-w")
        {
            Description = "This worker's name, unique among the live workers of the store (the owner of its leases); default: the machine name, process id and a random suffix.",
        };
        var untilIdle = new Option<bool>("--until-idle")
        {
            Description = "Exit 0 once no job in the store is unfinished and every completion was delivered (without it: run until Ctrl+C or SIGTERM).",
        };
        var command = new Command("run", """
            Run a tracking worker on the store: claim due jobs in batches under a lease, poll them through the providers
            configured in --config (report feeds and Concord batches included), store what was read, and print one line
            per job completed, 'final <provider> <jobId> <state>', once its final status is stored (at least once across
            workers: a worker that dies before marking a completion leaves it to another). Run as many as you like on one
            store. Worker settings come from FaxSdk:Tracking (LeaseDuration, PollTimeout, BatchSize, IdleDelay,
            FeedInterval) and polling from FaxSdk:Client:Polling. Exit 0 when stopped by Ctrl+C or SIGTERM, or with
            --until-idle once the store has nothing left to do.
            Example: faxstatus track run --config faxsdk.json --store sqlite:fax.db --until-idle
            """)
        {
            config,
            store,
            worker,
            untilIdle,
        };
        command.Validators.Add(result =>
        {
            if (result.GetResult(worker) is not null && string.IsNullOrWhiteSpace(result.GetValue(worker)))
            {
                result.AddError("--worker must not be empty.");
            }
        });
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var location = parseResult.GetRequiredValue(store);
            var workerName = parseResult.GetValue(worker);
            var stopWhenIdle = parseResult.GetValue(untilIdle);
            var printer = new FinalLineWriter(console.Out);
            await using var services = await CliServices.CreateAsync(parseResult.GetValue(config), console, cancellationToken, fax => fax.AddTracking(t =>
            {
                // The packages' own registrations, as an application would write them.
                _ = location.Kind == TrackingStoreKind.Sqlite ? t.UseSqlite(location.Target) : t.UsePostgreSql(location.Target);
                t.Configure(o =>
                {
                    o.WorkerName = workerName ?? o.WorkerName;
                    o.StopWhenIdle = stopWhenIdle;
                });
                t.Services.AddSingleton<IFaxJobCompletionHandler>(printer);
            })).ConfigureAwait(false);
            if (services is null)
            {
                return ExitCodes.InputError;
            }

            var trackingStore = services.Services.GetRequiredService<IFaxTrackingStore>();
            try
            {
                await trackingStore.MigrateAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return stopWhenIdle ? ExitCodes.Cancelled : ExitCodes.Success;
            }
            catch (Exception exception) when (CliTrackingStore.IsStoreFailure(exception) || exception is ArgumentException or InvalidOperationException)
            {
                await console.Error.WriteLineAsync(CliTrackingStore.Line(location, exception).AsMemory(), cancellationToken).ConfigureAwait(false);
                return ExitCodes.StoreError;
            }

            var tracker = services.Services.GetRequiredService<FaxTrackingWorker>();
            var redactor = services.Redactor;
            tracker.PollFailed += (_, failure) => console.Error.WriteLine(PollFailureLine("poll failed", failure, redactor));
            tracker.JobAbandoned += (_, failure) => console.Error.WriteLine(PollFailureLine("gave up", failure, redactor));
            await console.Error.WriteLineAsync($"faxstatus: worker {TerminalText.Escape(tracker.Name)} tracking {location.Display}{(stopWhenIdle ? " until idle" : "")}".AsMemory(), cancellationToken).ConfigureAwait(false);
            try
            {
                await tracker.RunAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // Ctrl+C or SIGTERM: the leases this worker holds expire and other workers take its jobs over.
                await console.Error.WriteLineAsync("faxstatus: stopped.").ConfigureAwait(false);
                return stopWhenIdle ? ExitCodes.Cancelled : ExitCodes.Success;
            }

            await console.Error.WriteLineAsync("faxstatus: nothing left to track.").ConfigureAwait(false);
            return ExitCodes.Success;
        });
        return command;
    }

    private static string PollFailureLine(string what, FaxPollFailure failure, SecretRedactor redactor)
    {
        var subject = failure.Job?.ToString() ?? $"{failure.Provider} report feed";
        return TerminalText.Escape(redactor.Redact($"faxstatus: {subject}: {what} ({failure.ConsecutiveFailures} in a row): {failure.Error.Message}"));
    }
}
