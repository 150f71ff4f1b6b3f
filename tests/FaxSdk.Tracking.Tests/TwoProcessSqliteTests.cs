using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using FaxSdk.Tracking.Sqlite;

namespace FaxSdk.Tracking.Tests;

/// <summary>
/// Two worker processes (tests/FaxSdk.Tracking.ProcessWorker) on one SQLite file. Real time runs here (leases between
/// processes), only as a bounded wait for the processes: nothing is asserted about how long anything took.
/// </summary>
public sealed class TwoProcessSqliteTests : IDisposable
{
    private static readonly TimeSpan ProcessBound = TimeSpan.FromSeconds(120);
    private readonly string _directory = Directory.CreateTempSubdirectory("faxsdk-2proc-").FullName;
    private readonly List<Process> _processes = [];

    private string StorePath => Path.Combine(_directory, "tracking.db");

    private string Gate => Path.Combine(_directory, "go");

    [Fact]
    public async Task Two_processes_share_the_jobs_without_ever_holding_one_at_once()
    {
        var jobs = await SeedAsync(200);
        var a = Start("worker-a", "--batch", "7", "--poll-ms", "5");
        var b = Start("worker-b", "--batch", "5", "--poll-ms", "5");
        await WaitForLineAsync("worker-a", "ready");
        await WaitForLineAsync("worker-b", "ready");
        await File.WriteAllTextAsync(Gate, "");

        await ExitAsync(a);
        await ExitAsync(b);

        var logs = new[] { ReadLog("worker-a"), ReadLog("worker-b") };
        var lines = logs.SelectMany(l => l).ToList();
        foreach (var job in jobs)
        {
            Assert.Equal(2, lines.Count(l => l.Kind == "claim" && l.Job == job)); // inProgress, then succeeded
            Assert.Single(lines, l => l.Kind == "update" && l.Job == job);
            Assert.Single(lines, l => l.Kind == "final" && l.Job == job);
            Assert.Single(lines, l => l.Kind == "handled" && l.Job == job);
        }

        AssertNoOverlappingLeases(logs);
        await AssertAllSucceededAndHandledAsync(jobs);
    }

    [Fact]
    public async Task A_worker_killed_while_holding_leases_leaves_its_jobs_to_the_other_after_expiry()
    {
        var jobs = await SeedAsync(150);
        var leaseMs = 2_000;
        var victim = Start("victim", "--batch", "10", "--poll-ms", "5", "--lease-ms", leaseMs.ToString(CultureInfo.InvariantCulture), "--hold-after", "2");
        var survivor = Start("survivor", "--batch", "5", "--poll-ms", "5", "--lease-ms", leaseMs.ToString(CultureInfo.InvariantCulture));
        await WaitForLineAsync("victim", "ready");
        await WaitForLineAsync("survivor", "ready");
        await File.WriteAllTextAsync(Gate, "");

        await WaitForLineAsync("victim", "holding");
        victim.Kill(); // SIGKILL: no finally block, no lease released
        await victim.WaitForExitAsync();
        await ExitAsync(survivor);

        var victimLog = ReadLog("victim");
        var survivorLog = ReadLog("survivor");
        var lastVictimClaim = victimLog.Where(l => l.Kind == "claim").GroupBy(l => l.Job).Select(g => g.Last())
            .Where(claim => !victimLog.Any(l => l.Job == claim.Job && l.Kind is "update" or "final" && l.Time >= claim.Time))
            .ToList();
        Assert.NotEmpty(lastVictimClaim); // the claim it held when it died
        foreach (var held in lastVictimClaim)
        {
            var taken = survivorLog.Where(l => l.Kind == "claim" && l.Job == held.Job && l.Time >= held.Time).ToList();
            Assert.NotEmpty(taken);
            Assert.All(taken, claim => Assert.True(claim.Time >= held.LeaseExpiresAt, $"{held.Job} taken over before the victim's lease expired"));
        }

        var lines = victimLog.Concat(survivorLog).ToList();
        foreach (var job in jobs)
        {
            Assert.Single(lines, l => l.Kind == "final" && l.Job == job); // written once, never lost
        }

        AssertNoOverlappingLeases([victimLog, survivorLog]);
        await AssertAllSucceededAndHandledAsync(jobs);
    }

    public void Dispose()
    {
        foreach (var process in _processes)
        {
            if (!process.HasExited)
            {
                process.Kill();
                process.WaitForExit();
            }

            process.Dispose();
        }

        Directory.Delete(_directory, recursive: true);
    }

    private async Task<IReadOnlyList<string>> SeedAsync(int count)
    {
        using var store = new FaxSqliteTrackingStore(StorePath);
        await store.MigrateAsync();
        var jobs = Enumerable.Range(0, count).Select(i => new FaxJobReference("phaxio", $"job-{i:D4}")).ToList();
        Assert.Equal(count, await store.AddAsync(jobs, DateTimeOffset.UtcNow.AddMinutes(-1)));
        return [.. jobs.Select(j => j.JobId)];
    }

    private Process Start(string owner, params string[] extra)
    {
        var worker = typeof(TwoProcessSqliteTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "ProcessWorker").Value!;
        Assert.True(File.Exists(worker), $"the worker is built first: {worker}");
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var argument in (string[])[worker, "--store", StorePath, "--owner", owner, "--log", LogPath(owner), "--gate", Gate, .. extra])
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start)!;
        _processes.Add(process);
        return process;
    }

    private async Task ExitAsync(Process process)
    {
        using var bound = new CancellationTokenSource(ProcessBound);
        var stderr = process.StandardError.ReadToEndAsync(bound.Token);
        await process.WaitForExitAsync(bound.Token);
        Assert.True(process.ExitCode == 0, $"worker exited {process.ExitCode}: {await stderr}");
    }

    private async Task WaitForLineAsync(string owner, string line)
    {
        using var bound = new CancellationTokenSource(ProcessBound);
        while (!(File.Exists(LogPath(owner)) && ReadLines(owner).Contains(line)))
        {
            Assert.False(_processes.Any(p => p.HasExited && p.ExitCode != 0), $"a worker failed before {owner} wrote '{line}'");
            await Task.Delay(20, bound.Token);
        }
    }

    private string LogPath(string owner) => Path.Combine(_directory, owner + ".log");

    private List<string> ReadLines(string owner)
    {
        using var stream = new FileStream(LogPath(owner), FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        return [.. reader.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
    }

    private List<LogLine> ReadLog(string owner) => [.. ReadLines(owner).Select(line => LogLine.Parse(owner, line))];

    /// <summary>
    /// Each claim's lease, from when the claim returned to when its outcome was sent (both inside the real lease), must
    /// not overlap another process's lease on the same job.
    /// </summary>
    private static void AssertNoOverlappingLeases(IReadOnlyList<List<LogLine>> logs)
    {
        var held = new List<(string Owner, string Job, long From, long To)>();
        foreach (var log in logs)
        {
            for (var i = 0; i < log.Count; i++)
            {
                if (log[i].Kind != "claim")
                {
                    continue;
                }

                var claim = log[i];
                var release = log.Skip(i + 1).FirstOrDefault(l => l.Job == claim.Job && l.Kind is "update" or "final");
                held.Add((claim.Owner, claim.Job!, claim.Time, release?.Time ?? claim.LeaseExpiresAt));
            }
        }

        foreach (var job in held.GroupBy(h => h.Job))
        {
            var leases = job.OrderBy(h => h.From).ToList();
            for (var i = 1; i < leases.Count; i++)
            {
                Assert.True(leases[i].From >= leases[i - 1].To || leases[i].Owner == leases[i - 1].Owner,
                    $"{job.Key}: {leases[i].Owner} claimed it at {leases[i].From} while {leases[i - 1].Owner} held it until {leases[i - 1].To}");
            }
        }
    }

    private async Task AssertAllSucceededAndHandledAsync(IReadOnlyList<string> jobs)
    {
        using var store = new FaxSqliteTrackingStore(StorePath);
        var stored = new List<FaxTrackedJob>();
        await foreach (var job in store.ListAsync())
        {
            stored.Add(job);
        }

        Assert.Equal(jobs, stored.Select(j => j.Job.JobId));
        Assert.All(stored, j => Assert.Equal(FaxJobState.Succeeded, j.Status?.State));
        Assert.All(stored, j => Assert.True(j.CompletionHandled, $"{j.Job} completion not handled"));
    }

    private sealed record LogLine(string Owner, string Kind, string? Job, long Time, long LeaseExpiresAt)
    {
        public static LogLine Parse(string owner, string line)
        {
            var parts = line.Split(' ');
            long At(int index) => parts.Length > index ? long.Parse(parts[index], CultureInfo.InvariantCulture) : 0;
            return new LogLine(owner, parts[0], parts.Length > 1 ? parts[1] : null, At(2), At(3));
        }
    }
}
