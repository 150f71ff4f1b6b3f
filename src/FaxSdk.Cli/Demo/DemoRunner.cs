using System.Globalization;
using FaxSdk.Cli.Hosting;
using FaxSdk.Cli.Output;
using FaxSdk.Testing;
using Microsoft.Extensions.Configuration;

namespace FaxSdk.Cli.Demo;

/// <summary>
/// <c>faxstatus demo</c>: starts the emulator in-process with its default jobs (every final state of every provider),
/// follows them all with <see cref="FaxJobTracker"/> through the SDK registered from the emulator's configuration,
/// and ends with a summary.
/// </summary>
internal sealed class DemoRunner(CliConsole console, DemoSettings settings)
{
    private readonly Dictionary<(string Provider, string JobId), DemoJob> _jobs = [];
    private readonly Lock _outputLock = new();
    private long _started;
    private int _failedPolls;
    private TimeProvider _clock = TimeProvider.System;

    /// <summary>Runs the demo.</summary>
    /// <param name="cancellationToken">Stops it.</param>
    /// <returns>The exit code.</returns>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var faults = settings.FaultRate > 0
            ? new EmulatorFaults { Rate = settings.FaultRate, Seed = settings.Seed, SlowResponseDelay = TimeSpan.FromSeconds(2) }
            : EmulatorFaults.None;
        await using var emulator = await FaxEmulator.StartAsync(new FaxEmulatorOptions { Faults = faults }, cancellationToken).ConfigureAwait(false);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(emulator.CreateConfiguration()).Build();
        await using var services = await CliServices.CreateAsync(configuration, console, "the emulator's configuration", cancellationToken).ConfigureAwait(false);
        if (services is null)
        {
            return ExitCodes.InputError;
        }

        using var retries = new RetryCounter();
        var client = services.Client;
        _clock = client.TimeProvider;
        var tracker = client.CreateTracker(new FaxTrackerOptions
        {
            StopWhenAllCompleted = true,
            Schedule = new FaxPollingSchedule { MinimumInterval = TimeSpan.FromSeconds(0.5), MaximumInterval = TimeSpan.FromSeconds(2) },
            FeedInterval = TimeSpan.FromSeconds(1),
        });
        tracker.JobChanged += (_, update) => OnChanged(update);
        tracker.PollFailed += (_, failure) => OnPollFailed(failure, services.Redactor);

        var seeded = emulator.SeedDefaultJobs();
        _started = _clock.GetTimestamp();
        foreach (var job in seeded)
        {
            var reference = new FaxJobReference(job.Provider, job.JobId, isTest: job.IsTest);
            _jobs.Add((job.Provider, job.JobId), new DemoJob(reference, job.ExpectedFinalState));
            tracker.Track(reference);
        }

        var providers = string.Join(", ", seeded.GroupBy(j => j.Provider).Select(g => $"{g.Key} {g.Count()}"));
        var rate = settings.FaultRate.ToString("0.##%", CultureInfo.InvariantCulture);
        await console.Out.WriteLineAsync($"faxstatus demo: emulator listening on {emulator.BaseAddress} (fault rate {rate}); tracking {seeded.Count} jobs ({providers}).".AsMemory(), cancellationToken).ConfigureAwait(false);

        using var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        budget.CancelAfter(settings.Timeout);
        var timedOut = false;
        try
        {
            var run = tracker.RunAsync(budget.Token);
            if (console.IsTerminal)
            {
                await LiveDemoView.ShowAsync(console.Out, _jobs.Values, run, Elapsed, () => _failedPolls, () => retries.Count).ConfigureAwait(false);
            }

            await run.ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await console.Error.WriteLineAsync("faxstatus: demo cancelled.").ConfigureAwait(false);
            return ExitCodes.Cancelled;
        }
        catch (OperationCanceledException) when (budget.IsCancellationRequested)
        {
            timedOut = true;
        }

        var elapsed = Elapsed();
        await WriteSummaryAsync(elapsed, retries.Count, cancellationToken).ConfigureAwait(false);
        return await VerdictAsync(timedOut, cancellationToken).ConfigureAwait(false);
    }

    private TimeSpan Elapsed() => _clock.GetElapsedTime(_started);

    private void OnChanged(FaxJobUpdate update)
    {
        if (!_jobs.TryGetValue((update.Job.Provider, update.Job.JobId), out var job))
        {
            return;
        }

        job.Last = update.Status;
        if (!console.IsTerminal)
        {
            WriteLine($"[{StatusFormat.Seconds(Elapsed()),7}] {update.Job,-52} {StatusFormat.OneLine(update.Status)}");
        }
    }

    private void OnPollFailed(FaxPollFailure failure, SecretRedactor redactor)
    {
        Interlocked.Increment(ref _failedPolls);
        if (failure.Job is { } reference && _jobs.TryGetValue((reference.Provider, reference.JobId), out var job))
        {
            job.FailedPolls++;
        }

        if (!console.IsTerminal)
        {
            var subject = failure.Job?.ToString() ?? $"{failure.Provider} report feed";
            var line = ProviderErrorsLine(failure.Error, redactor);
            WriteLine($"[{StatusFormat.Seconds(Elapsed()),7}] {subject,-52} poll failed, trying again later: {line}");
        }
    }

    private static string ProviderErrorsLine(FaxSdkException error, SecretRedactor redactor)
    {
        var message = error.Message.Length > 120 ? error.Message[..119] + "…" : error.Message;
        return redactor.Redact($"{error.GetType().Name} ({message})");
    }

    private void WriteLine(string line)
    {
        lock (_outputLock)
        {
            console.Out.WriteLine(line);
        }
    }

    private async Task WriteSummaryAsync(TimeSpan elapsed, long retries, CancellationToken cancellationToken)
    {
        FaxJobState[] finals = [FaxJobState.Succeeded, FaxJobState.PartiallySucceeded, FaxJobState.Failed, FaxJobState.Canceled];
        var headers = new List<string> { "PROVIDER", "JOBS" };
        headers.AddRange(finals.Select(StatusFormat.Camel));
        headers.Add("NOT FINAL");
        headers.Add("AS EXPECTED");
        var table = new TextTable([.. headers]);
        var groups = _jobs.Values.GroupBy(j => j.Job.Provider).Append(_jobs.Values.GroupBy(_ => "total").Single());
        foreach (var group in groups)
        {
            var row = new List<string> { group.Key, Count(group.Count()) };
            row.AddRange(finals.Select(state => Count(group.Count(j => j.IsFinal && j.Last!.State == state))));
            row.Add(Count(group.Count(j => !j.IsFinal)));
            row.Add($"{Count(group.Count(j => j.IsFinal && j.Last!.State == j.Expected))}/{Count(group.Count())}");
            table.AddRow([.. row]);
        }

        var lines = new List<string> { "", "Summary: jobs per provider and final state" };
        lines.AddRange(table.Lines());
        lines.Add("");
        var perState = _jobs.Values.Where(j => j.IsFinal).GroupBy(j => j.Last!.State).OrderBy(g => g.Key).Select(g => $"{StatusFormat.Camel(g.Key)} {Count(g.Count())}");
        lines.Add($"Final states:  {string.Join(", ", perState)}");
        lines.Add($"Retries made:  {Count(retries)} (HTTP retries of FaxSdk pipelines, from Polly's resilience.polly.strategy.events counter)");
        lines.Add($"Failed polls:  {Count(_failedPolls)} (status reads that failed and were tried again later)");
        lines.Add($"Time taken:    {StatusFormat.Seconds(elapsed)}");
        foreach (var line in lines)
        {
            await console.Out.WriteLineAsync(line.AsMemory(), cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<int> VerdictAsync(bool timedOut, CancellationToken cancellationToken)
    {
        var notFinal = _jobs.Values.Where(j => !j.IsFinal).ToList();
        var unexpected = _jobs.Values.Where(j => j.IsFinal && j.Last!.State != j.Expected).ToList();
        foreach (var job in unexpected)
        {
            await console.Error.WriteLineAsync($"faxstatus: demo: {job.Job} ended {StatusFormat.Camel(job.Last!.State)}, but the emulator scripted {StatusFormat.Camel(job.Expected)}.".AsMemory(), cancellationToken).ConfigureAwait(false);
        }

        if (timedOut || notFinal.Count > 0)
        {
            var which = string.Join(", ", notFinal.Select(j => $"{j.Job} ({(j.Last is null ? "no status read" : StatusFormat.Camel(j.Last.State))})"));
            await console.Error.WriteLineAsync($"faxstatus: demo: {notFinal.Count} job(s) were not final after {StatusFormat.Seconds(settings.Timeout)}: {which}.".AsMemory(), cancellationToken).ConfigureAwait(false);
            return ExitCodes.Timeout;
        }

        if (unexpected.Count > 0)
        {
            return ExitCodes.CheckFailed;
        }

        await console.Out.WriteLineAsync($"All {_jobs.Count} jobs are final, each in the state the emulator scripted.".AsMemory(), cancellationToken).ConfigureAwait(false);
        return ExitCodes.Success;
    }

    private static string Count(long value) => value.ToString(CultureInfo.InvariantCulture);
}
