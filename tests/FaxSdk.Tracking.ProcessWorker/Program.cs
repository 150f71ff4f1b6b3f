using System.Globalization;
using FaxSdk;
using FaxSdk.Tracking.Sqlite;

// A tracking worker reduced to its store calls, for the two-process tests: it claims due jobs from one SQLite file
// under its own owner name, "polls" each (the first poll answers inProgress, the second succeeded), completes the
// claims, then claims and handles completions, until no job in the file is unfinished. Every step goes to its log,
// one line each, flushed at once: a process killed with SIGKILL leaves every line it reached.
//
//   worker --store FILE --owner NAME --log FILE [--lease-ms N] [--batch N] [--poll-ms N] [--gate FILE] [--hold-after N]
//
// --gate FILE waits for FILE to exist before the first claim (so that the test can start both processes together);
// --hold-after N stops after its Nth claim, holding that claim's leases, and waits to be killed.
var options = ParseOptions(args);
var owner = options["owner"];
var lease = TimeSpan.FromMilliseconds(Number("lease-ms", 30_000));
var batch = (int)Number("batch", 5);
var poll = TimeSpan.FromMilliseconds(Number("poll-ms", 10));
var holdAfter = Number("hold-after", 0);

using var store = new FaxSqliteTrackingStore(options["store"]);
await store.MigrateAsync();
await using var log = new StreamWriter(options["log"], append: false) { AutoFlush = true };
await log.WriteLineAsync("ready");
if (options.TryGetValue("gate", out var gate))
{
    while (!File.Exists(gate))
    {
        await Task.Delay(10);
    }
}

var claims = 0;
while (true)
{
    var claimed = await store.ClaimDueAsync(owner, DateTimeOffset.UtcNow, batch, lease);
    var claimedAt = Millis(DateTimeOffset.UtcNow); // after the claim: the lease was ours from before this time
    foreach (var job in claimed)
    {
        await log.WriteLineAsync($"claim {job.Job.JobId} {claimedAt} {Millis(job.LeaseExpiresAt!.Value)}");
    }

    if (claimed.Count > 0)
    {
        claims++;
        if (claims == holdAfter)
        {
            await log.WriteLineAsync("holding");
            await Task.Delay(Timeout.Infinite);
        }

        await Task.Delay(poll);
        var outcomes = claimed.Select(job => new FaxTrackedJobOutcome
        {
            Job = job.Job,
            Status = new FaxJobStatus
            {
                Provider = job.Job.Provider,
                JobId = job.Job.JobId,
                State = job.Status is null ? FaxJobState.InProgress : FaxJobState.Succeeded,
            },
            NextDueAt = DateTimeOffset.UtcNow,
        }).ToList();
        var releasingAt = Millis(DateTimeOffset.UtcNow); // before the write: the lease was ours until after this time
        var applied = await store.CompleteClaimsAsync(owner, outcomes);
        foreach (var job in applied)
        {
            await log.WriteLineAsync($"{(job.IsDone ? "final" : "update")} {job.Job.JobId} {releasingAt}");
        }
    }

    var completions = await store.ClaimCompletionsAsync(owner, DateTimeOffset.UtcNow, batch, lease);
    if (completions.Count > 0)
    {
        foreach (var job in completions)
        {
            await log.WriteLineAsync($"handled {job.Job.JobId}");
        }

        await store.MarkCompletionsHandledAsync(owner, [.. completions.Select(j => j.Job)]);
    }

    if (claimed.Count == 0 && completions.Count == 0)
    {
        var counts = await store.CountAsync(DateTimeOffset.UtcNow);
        if (counts.Final + counts.Abandoned == counts.Total && counts.CompletionsPending == 0)
        {
            await log.WriteLineAsync("idle");
            return 0;
        }

        await Task.Delay(20);
    }
}

long Number(string name, long fallback) =>
    options.TryGetValue(name, out var value) ? long.Parse(value, CultureInfo.InvariantCulture) : fallback;

static long Millis(DateTimeOffset time) => time.ToUnixTimeMilliseconds();

static Dictionary<string, string> ParseOptions(string[] args)
{
    var options = new Dictionary<string, string>(StringComparer.Ordinal);
    for (var i = 0; i + 1 < args.Length; i += 2)
    {
        options[args[i].TrimStart('-')] = args[i + 1];
    }

    foreach (var required in (string[])["store", "owner", "log"])
    {
        if (!options.ContainsKey(required))
        {
            throw new ArgumentException($"--{required} is required.", nameof(args));
        }
    }

    return options;
}
