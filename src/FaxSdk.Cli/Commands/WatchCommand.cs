using System.CommandLine;
using System.Globalization;
using FaxSdk.Cli.Hosting;
using FaxSdk.Cli.Output;

namespace FaxSdk.Cli.Commands;

/// <summary><c>faxstatus watch --config FILE --provider P JOBID</c>: follows a job until it is final.</summary>
internal static class WatchCommand
{
    public static Command Create(CliConsole console)
    {
        var config = CommonOptions.Config();
        var provider = CommonOptions.Provider();
        var instance = CommonOptions.Instance();
        var test = new Option<bool>("--test") { Description = "The job was sent in the provider's test/sandbox mode." };
        var timeout = new Option<double?>("--timeout", "-t") { Description = "Give up after this many seconds (exit 5); no limit when omitted." };
        var json = new Option<bool>("--json") { Description = "End with the canonical JSON array of the final status on standard output (the change lines then go to standard error)." };
        var jobId = new Argument<string>("JOBID") { Description = "The provider's job id." };
        var command = new Command("watch", """
            Wait until a job is final, printing a line for each change (state, provider status, recipients). Polls with
            exponential backoff and jitter (FaxSdk:Client:Polling in the configuration). Exit 0 once the job is final,
            whatever its outcome; exit 5 when --timeout passes first; exit 4 on a provider error.
            Example: faxstatus watch --config faxsdk.json --provider phaxio 1001 --timeout 120
            """)
        {
            config,
            provider,
            instance,
            test,
            timeout,
            json,
            jobId,
        };
        command.Validators.Add(result =>
        {
            if (result.GetValue(timeout) is { } seconds && (double.IsNaN(seconds) || seconds <= 0 || seconds > TimeSpan.MaxValue.TotalSeconds / 2))
            {
                result.AddError("--timeout must be a positive number of seconds.");
            }
        });
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var providerId = parseResult.GetRequiredValue(provider);
            var instanceName = parseResult.GetRequiredValue(instance);
            await using var services = await CliServices.OpenAsync(parseResult.GetValue(config), providerId, instanceName, console, cancellationToken).ConfigureAwait(false);
            if (services is null)
            {
                return ExitCodes.InputError;
            }

            var job = new FaxJobReference(providerId, parseResult.GetRequiredValue(jobId), instanceName, parseResult.GetValue(test));
            var seconds = parseResult.GetValue(timeout);
            var asJson = parseResult.GetValue(json);
            var lines = asJson ? console.Error : console.Out;
            var options = new FaxWaitOptions { Timeout = seconds is { } s ? TimeSpan.FromSeconds(s) : null };
            var clock = services.Client.TimeProvider;
            var started = clock.GetTimestamp();
            FaxJobStatus? last = null;
            try
            {
                await foreach (var status in services.Client.WatchAsync(job, options, cancellationToken).ConfigureAwait(false))
                {
                    last = status;
                    var at = StatusFormat.Seconds(clock.GetElapsedTime(started));
                    await lines.WriteLineAsync($"[{at,7}] {job} {StatusFormat.OneLine(status)}".AsMemory(), cancellationToken).ConfigureAwait(false);
                }
            }
            catch (FaxWaitTimeoutException)
            {
                var lastState = last is null ? "no status read" : $"last state {StatusFormat.Camel(last.State)}";
                await console.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"faxstatus: timed out after {seconds} s waiting for {job} to be final ({lastState}).").AsMemory(), cancellationToken).ConfigureAwait(false);
                return ExitCodes.Timeout;
            }
            catch (FaxSdkException exception)
            {
                await console.Error.WriteLineAsync(ProviderErrors.Line(job, exception, services.Redactor).AsMemory(), cancellationToken).ConfigureAwait(false);
                return ExitCodes.ProviderError;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                await console.Error.WriteLineAsync("faxstatus: cancelled.").ConfigureAwait(false);
                return ExitCodes.Cancelled;
            }

            if (asJson && last is not null)
            {
                await console.Out.WriteLineAsync(StatusFormat.Json([last]).AsMemory(), cancellationToken).ConfigureAwait(false);
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
