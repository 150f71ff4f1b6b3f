using System.CommandLine;
using System.Text;
using FaxSdk.Cli.Output;
using FaxSdk.Cli.Tracking;

namespace FaxSdk.Cli.Commands;

/// <summary><c>faxstatus track list --store STORE [--json]</c>: every tracked job with its latest status.</summary>
internal static class TrackListCommand
{
    public static Command Create(CliConsole console)
    {
        var store = TrackOptions.Store();
        var json = new Option<bool>("--json") { Description = "Print the canonical JSON array of the store's records (each with its canonical status) instead of a table." };
        var command = new Command("list", """
            List every tracked job with its latest status (ordered by provider, instance and job id): state, provider
            status, failed polls in a row, when it is next due, which worker holds it, and whether its completion was
            handled. --json prints a canonical JSON array instead.
            Example: faxstatus track list --store sqlite:fax.db --json
            """)
        {
            store,
            json,
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var location = parseResult.GetRequiredValue(store);
            await using var opened = await CliTrackingStore.OpenAsync(location, console, cancellationToken).ConfigureAwait(false);
            if (opened is null)
            {
                return ExitCodes.StoreError;
            }

            try
            {
                if (parseResult.GetValue(json))
                {
                    // Written to memory first: a store failure half-way never leaves half an array on stdout.
                    using var buffer = new MemoryStream();
                    await TrackedJobFormat.WriteJsonAsync(opened.Store.ListAsync(cancellationToken), buffer, cancellationToken).ConfigureAwait(false);
                    await console.Out.WriteLineAsync(Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length).AsMemory(), cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    var jobs = new List<FaxTrackedJob>();
                    await foreach (var job in opened.Store.ListAsync(cancellationToken).ConfigureAwait(false))
                    {
                        jobs.Add(job);
                    }

                    if (jobs.Count == 0)
                    {
                        await console.Out.WriteLineAsync("No jobs tracked.".AsMemory(), cancellationToken).ConfigureAwait(false);
                    }
                    else
                    {
                        await TrackedJobFormat.Table(jobs, TimeProvider.System.GetUtcNow()).WriteAsync(console.Out, cancellationToken).ConfigureAwait(false);
                    }
                }
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

            return ExitCodes.Success;
        });
        return command;
    }
}
