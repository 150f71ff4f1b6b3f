using System.CommandLine;
using FaxSdk.Cli.Hosting;
using FaxSdk.Cli.Output;

namespace FaxSdk.Cli.Commands;

/// <summary><c>faxstatus status --config FILE --provider P JOBID...</c>: the current status of one or more jobs.</summary>
internal static class StatusCommand
{
    public static Command Create(CliConsole console)
    {
        var config = CommonOptions.Config();
        var provider = CommonOptions.Provider();
        var instance = CommonOptions.Instance();
        var test = new Option<bool>("--test") { Description = "The jobs were sent in the provider's test/sandbox mode (Pantarey finds a job only in the mode it was created in)." };
        var json = CommonOptions.Json();
        var jobIds = new Argument<string[]>("JOBID") { Description = "The provider's job ids.", Arity = ArgumentArity.OneOrMore };
        var command = new Command("status", """
            Read the current status of one or more jobs: a table with each job's state and provider status, and each
            recipient's number, state, failure category and whether a retry is worthwhile; --json for canonical JSON.
            Exit 4 when the provider answers with an error for any job (the others are still printed).
            Example: faxstatus status --config faxsdk.json --provider phaxio 1001 1002
            """)
        {
            config,
            provider,
            instance,
            test,
            json,
            jobIds,
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

            var isTest = parseResult.GetValue(test);
            var jobs = parseResult.GetRequiredValue(jobIds).Select(id => new FaxJobReference(providerId, id, instanceName, isTest)).ToList();
            IReadOnlyList<FaxJobStatusResult> results;
            try
            {
                results = await services.Client.GetStatusesAsync(jobs, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                await console.Error.WriteLineAsync("faxstatus: cancelled.").ConfigureAwait(false);
                return ExitCodes.Cancelled;
            }

            var statuses = results.Where(r => r.Status is not null).Select(r => r.Status!).ToList();
            if (parseResult.GetValue(json))
            {
                await console.Out.WriteLineAsync(StatusFormat.Json(statuses).AsMemory(), cancellationToken).ConfigureAwait(false);
            }
            else if (statuses.Count > 0)
            {
                await StatusFormat.Table(statuses).WriteAsync(console.Out, cancellationToken).ConfigureAwait(false);
            }

            var failed = results.Where(r => r.Error is not null).ToList();
            foreach (var failure in failed)
            {
                await console.Error.WriteLineAsync(ProviderErrors.Line(failure.Job, failure.Error!, services.Redactor).AsMemory(), cancellationToken).ConfigureAwait(false);
            }

            return failed.Count == 0 ? ExitCodes.Success : ExitCodes.ProviderError;
        });
        return command;
    }
}
