using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;

namespace FaxSdk.Benchmarks;

/// <summary>
/// A console mode, not a BenchmarkDotNet class: one in-memory <see cref="FaxJobTracker"/> follows N jobs (default
/// 1,000,000) to their final status with canned Phaxio responses, through the services an application configures
/// (<c>AddFaxSdk().AddPhaxio()</c>: the real resolver, HttpClient pipeline and provider; only the primary handler is
/// canned). Prints, for tracking the jobs and for running the tracker: elapsed time, GC pause time and its share of the
/// elapsed time (<see cref="GC.GetTotalPauseDuration"/>), gen0/1/2 collections, and bytes allocated per job.
/// </summary>
/// <remarks>
/// <c>dotnet run -c Release --project benchmarks/FaxSdk.Benchmarks -- --tracker-gc [jobs [terminal-capacity]]</c>. The goal of issue 16 is a
/// GC pause share under 10 % at 1,000,000 jobs. Every job is final at its first poll, so one job is one status update.
/// </remarks>
internal static class TrackerGcRun
{
    public static async Task<int> RunAsync(string[] args)
    {
        var count = args.Length > 0 ? int.Parse(args[0], NumberStyles.AllowThousands, CultureInfo.InvariantCulture) : 1_000_000;
        var services = new ServiceCollection();
        if (args.Length > 1)
        {
            // Optional: the client's TerminalStatusCapacity (default 10,000), to see what the memory of final statuses costs.
            var capacity = int.Parse(args[1], NumberStyles.AllowThousands, CultureInfo.InvariantCulture);
            services.Configure<FaxStatusClientOptions>(o => o.TerminalStatusCapacity = capacity);
        }

        services.AddFaxSdk().AddPhaxio(o =>
        {
            o.BaseAddress = new Uri("https://api.phaxio.test/v2.1/");
            o.ApiKey = "key";
            o.ApiSecret = "secret";
        }).ConfigurePrimaryHttpMessageHandler(() => new CannedPhaxioHandler());
        await using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<FaxStatusClient>();
        var jobs = CannedPhaxioHandler.Jobs(count);

        // Warm up (JIT, pipeline) on a few jobs that are not measured.
        await RunTrackerAsync(client, CannedPhaxioHandler.Jobs(1_000)).ConfigureAwait(false);
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();

        var tracker = client.CreateTracker(new FaxTrackerOptions { StopWhenAllCompleted = true });
        long completed = 0;
        tracker.JobCompleted += (_, _) => completed++;
        var track = Measure.Start();
        tracker.Track(jobs);
        var tracked = track.Stop();
        var run = Measure.Start();
        await tracker.RunAsync().ConfigureAwait(false);
        var ran = run.Stop();
        if (completed != count)
        {
            Console.Error.WriteLine($"Only {completed} of {count} jobs completed.");
            return 1;
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"// tracker-gc jobs={count} capacity={client.Options.TerminalStatusCapacity} gc={(System.Runtime.GCSettings.IsServerGC ? "server" : "workstation")} latency={System.Runtime.GCSettings.LatencyMode}"));
        Console.WriteLine("phase   elapsed_s  gc_pause_s  pause_share  gen0  gen1  gen2  alloc_bytes_per_job");
        Print("track", tracked, count);
        Print("run", ran, count);
        Print("total", tracked + ran, count);
        return 0;
    }

    private static async Task RunTrackerAsync(FaxStatusClient client, FaxJobReference[] jobs)
    {
        var tracker = client.CreateTracker(new FaxTrackerOptions { StopWhenAllCompleted = true });
        tracker.Track(jobs);
        await tracker.RunAsync().ConfigureAwait(false);
    }

    private static void Print(string phase, Measure m, int jobs) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{phase,-6} {m.Elapsed.TotalSeconds,10:F2} {m.Pause.TotalSeconds,11:F2} {m.Pause / m.Elapsed,11:P1} {m.Gen0,5} {m.Gen1,5} {m.Gen2,5} {m.Allocated / (double)jobs,20:F0}"));

    private readonly record struct Measure(TimeSpan Elapsed, TimeSpan Pause, int Gen0, int Gen1, int Gen2, long Allocated)
    {
        public static Measure Start() => new(
            TimeSpan.FromTicks(Stopwatch.GetTimestamp() * TimeSpan.TicksPerSecond / Stopwatch.Frequency),
            GC.GetTotalPauseDuration(), GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2), GC.GetTotalAllocatedBytes(precise: true));

        public Measure Stop()
        {
            var now = Start();
            return new(now.Elapsed - Elapsed, now.Pause - Pause, now.Gen0 - Gen0, now.Gen1 - Gen1, now.Gen2 - Gen2, now.Allocated - Allocated);
        }

        public static Measure operator +(Measure a, Measure b) =>
            new(a.Elapsed + b.Elapsed, a.Pause + b.Pause, a.Gen0 + b.Gen0, a.Gen1 + b.Gen1, a.Gen2 + b.Gen2, a.Allocated + b.Allocated);
    }
}
