using FaxSdk.Cli.Output;
using Spectre.Console;

namespace FaxSdk.Cli.Demo;

/// <summary>The demo's live table on a terminal: one row per job, redrawn as the tracker reports changes.</summary>
internal static class LiveDemoView
{
    /// <summary>Shows the table until <paramref name="run"/> completes (whatever its outcome).</summary>
    /// <param name="output">The terminal.</param>
    /// <param name="jobs">The jobs, updated by the tracker's events.</param>
    /// <param name="run">The tracker's run.</param>
    /// <param name="elapsed">The time since the start.</param>
    /// <param name="failedPolls">The failed polls so far.</param>
    /// <param name="retries">The retries so far.</param>
    /// <returns>A task that completes when the run has and the table shows the final statuses.</returns>
    public static async Task ShowAsync(TextWriter output, IReadOnlyCollection<DemoJob> jobs, Task run, Func<TimeSpan> elapsed, Func<int> failedPolls, Func<long> retries)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output) });
        await console.Live(Build(jobs, elapsed(), failedPolls(), retries()))
            .AutoClear(false)
            .Overflow(VerticalOverflow.Ellipsis)
            .StartAsync(async context =>
            {
                while (!run.IsCompleted)
                {
                    context.UpdateTarget(Build(jobs, elapsed(), failedPolls(), retries()));
                    await Task.WhenAny(run, Task.Delay(TimeSpan.FromMilliseconds(250))).ConfigureAwait(false);
                }

                context.UpdateTarget(Build(jobs, elapsed(), failedPolls(), retries()));
            }).ConfigureAwait(false);
    }

    private static Table Build(IReadOnlyCollection<DemoJob> jobs, TimeSpan elapsed, int failedPolls, long retries)
    {
        var table = new Table().Border(TableBorder.Rounded)
            .AddColumn("Provider").AddColumn("Job").AddColumn("State").AddColumn("Provider status").AddColumn("Recipients").AddColumn("As scripted");
        foreach (var job in jobs)
        {
            var state = job.Last is null ? "[grey]waiting[/]" : Colour(job.Last.State);
            var recipients = job.Last is null ? "" : string.Join(", ", job.Last.Recipients.Select(r =>
                r.Error is { } error ? $"{StatusFormat.Camel(r.State)}: {StatusFormat.Camel(error.Category)}" : StatusFormat.Camel(r.State)));
            var expected = job.IsFinal ? job.Last!.State == job.Expected ? "[green]✓[/]" : $"[red]✗ {StatusFormat.Camel(job.Expected)}[/]" : "";
            table.AddRow(
                Markup.Escape(job.Job.Provider),
                Markup.Escape(job.Job.JobId.Length > 16 ? job.Job.JobId[..15] + "…" : job.Job.JobId),
                state,
                Markup.Escape(job.Last?.ProviderStatus ?? ""),
                Markup.Escape(recipients),
                expected);
        }

        var final = jobs.Count(j => j.IsFinal);
        table.Caption($"{final}/{jobs.Count} final · {StatusFormat.Seconds(elapsed)} · failed polls {failedPolls} · retries {retries}");
        return table;
    }

    private static string Colour(FaxJobState state) => state switch
    {
        FaxJobState.Succeeded => "[green]succeeded[/]",
        FaxJobState.PartiallySucceeded => "[yellow]partiallySucceeded[/]",
        FaxJobState.Failed => "[red]failed[/]",
        FaxJobState.Canceled => "[grey]canceled[/]",
        _ => $"[blue]{StatusFormat.Camel(state)}[/]",
    };
}
