using System.CommandLine;
using FaxSdk.Cli.Tracking;

namespace FaxSdk.Cli.Commands;

/// <summary><c>faxstatus track add --store STORE --provider P [--instance NAME] [--test] JOBID...</c>: starts tracking jobs.</summary>
internal static class TrackAddCommand
{
    public static Command Create(CliConsole console)
    {
        var store = TrackOptions.Store();
        var provider = CommonOptions.Provider();
        var instance = CommonOptions.Instance();
        var test = new Option<bool>("--test") { Description = "The jobs were sent in the provider's test/sandbox mode (Pantarey finds a job only in the mode it was created in)." };
        var jobIds = new Argument<string[]>("JOBID") { Description = "The provider's job ids.", Arity = ArgumentArity.OneOrMore };
        var command = new Command("add", """
            Add jobs to the store, due at once; a job already tracked is left as it is, so adding twice is the same as
            adding once. Prints how many were new. Needs no provider configuration ('track run' reads the jobs).
            Example: faxstatus track add --store sqlite:fax.db --provider phaxio 1001 1002
            """)
        {
            store,
            provider,
            instance,
            test,
            jobIds,
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var providerId = parseResult.GetRequiredValue(provider);
            var instanceName = parseResult.GetRequiredValue(instance);
            var isTest = parseResult.GetValue(test);

            // Built before the store is opened: an invalid job id exits 3 without touching it.
            var jobs = parseResult.GetRequiredValue(jobIds).Distinct(StringComparer.Ordinal).Select(id => new FaxJobReference(providerId, id, instanceName, isTest)).ToList();
            var location = parseResult.GetRequiredValue(store);
            await using var opened = await CliTrackingStore.OpenAsync(location, console, cancellationToken).ConfigureAwait(false);
            if (opened is null)
            {
                return ExitCodes.StoreError;
            }

            int added;
            try
            {
                added = await opened.Store.AddAsync(jobs, TimeProvider.System.GetUtcNow(), cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                await console.Error.WriteLineAsync("faxstatus: cancelled.").ConfigureAwait(false);
                return ExitCodes.Cancelled;
            }
            catch (Exception exception) when (CliTrackingStore.IsStoreFailure(exception))
            {
                await console.Error.WriteLineAsync(CliTrackingStore.Line(location, exception).AsMemory(), cancellationToken).ConfigureAwait(false);
                return ExitCodes.StoreError;
            }

            await console.Out.WriteLineAsync($"added {added} job(s), {jobs.Count - added} already tracked".AsMemory(), cancellationToken).ConfigureAwait(false);
            return ExitCodes.Success;
        });
        return command;
    }
}
