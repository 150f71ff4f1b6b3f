using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using FaxSdk.Testing;
using Xunit.Abstractions;

namespace FaxSdk.Cli.Tests.EndToEnd;

/// <summary>
/// The issue's "done when" run: an emulator on the real clock with 300 generated jobs per provider (1,500), a
/// configuration file pointing at it with short leases and polling intervals, the jobs added to a store with
/// <c>faxstatus track add</c>, and <c>faxstatus track run</c> worker processes. Real time passes here only because
/// separate processes run; nothing is asserted about how long anything took.
/// </summary>
internal sealed class TrackRunScenario : IAsyncDisposable
{
    public const int JobsPerProvider = 300;

    /// <summary>How long a process may take before the test fails (a bound on a hang, not a performance claim).</summary>
    public static readonly TimeSpan Bound = TimeSpan.FromMinutes(3);

    private readonly List<CliProcess> _workers = [];

    private TrackRunScenario(FaxEmulator emulator, IReadOnlyList<EmulatedJob> jobs, string store, string configPath)
    {
        Emulator = emulator;
        Jobs = jobs;
        Store = store;
        ConfigPath = configPath;
    }

    public FaxEmulator Emulator { get; }

    /// <summary>The jobs, each with the state its script ends in.</summary>
    public IReadOnlyList<EmulatedJob> Jobs { get; }

    /// <summary>The <c>--store</c> value.</summary>
    public string Store { get; }

    public string ConfigPath { get; }

    /// <summary>The scripted final state of every job, as the CLI spells it, by <c>provider jobId</c>.</summary>
    public IReadOnlyDictionary<string, string> Expected => Jobs.ToDictionary(j => $"{j.Provider} {j.JobId}", j => Camel(j.ExpectedFinalState));

    /// <summary>Starts the emulator, seeds it, writes the configuration and adds every job to the store.</summary>
    /// <param name="store">The <c>--store</c> value.</param>
    /// <param name="directory">A temporary folder for the configuration (deleted by the caller).</param>
    public static async Task<TrackRunScenario> StartAsync(string store, string directory)
    {
        var emulator = await FaxEmulator.StartAsync();
        try
        {
            // Jobs end between 4 and 14 s after they are seeded (step 2 s): the workers see them in progress as well as
            // final, and a worker killed at its first completion is killed while later jobs are still running.
            var jobs = emulator.SeedGeneratedJobs(JobsPerProvider, seed: 2026, TimeSpan.FromSeconds(2));
            var settings = new Dictionary<string, string?>(emulator.CreateConfiguration(), StringComparer.OrdinalIgnoreCase)
            {
                ["FaxSdk:Client:Polling:MinimumInterval"] = "00:00:00.500",
                ["FaxSdk:Client:Polling:MaximumInterval"] = "00:00:01",
                ["FaxSdk:Tracking:LeaseDuration"] = "00:00:08",
                ["FaxSdk:Tracking:PollTimeout"] = "00:00:05",
                ["FaxSdk:Tracking:IdleDelay"] = "00:00:00.200",
                ["FaxSdk:Tracking:FeedInterval"] = "00:00:01",
                ["FaxSdk:Tracking:BatchSize"] = "100",
            };
            var configPath = Path.Combine(directory, "faxsdk.json");
            await File.WriteAllTextAsync(configPath, Nest(settings));
            var scenario = new TrackRunScenario(emulator, jobs, store, configPath);
            foreach (var provider in jobs.GroupBy(j => j.Provider))
            {
                var (exitCode, output, error) = await CliRunner.RunAsync(["track", "add", "--store", store, "--provider", provider.Key, .. provider.Select(j => j.JobId)]);
                Assert.True(exitCode == ExitCodes.Success, error);
                Assert.Equal($"added {JobsPerProvider} job(s), 0 already tracked", output.Trim());
            }

            return scenario;
        }
        catch
        {
            await emulator.DisposeAsync();
            throw;
        }
    }

    /// <summary>Starts <c>faxstatus track run --until-idle</c> as a process named <paramref name="worker"/>.</summary>
    public CliProcess StartWorker(string worker)
    {
        var process = CliProcess.Start(worker, "track", "run", "--config", ConfigPath, "--store", Store, "--worker", worker, "--until-idle");
        _workers.Add(process);
        return process;
    }

    /// <summary>The store's records as <c>faxstatus track list --json</c> prints them, by <c>provider jobId</c>.</summary>
    public async Task<Dictionary<string, JsonElement>> ListAsync()
    {
        var (exitCode, output, error) = await CliRunner.RunAsync("track", "list", "--store", Store, "--json");
        Assert.True(exitCode == ExitCodes.Success, error);
        using var document = JsonDocument.Parse(output);
        return document.RootElement.EnumerateArray().ToDictionary(j => $"{j.GetProperty("provider").GetString()} {j.GetProperty("jobId").GetString()}", j => j.Clone());
    }

    /// <summary>The jobs a worker reported with <c>final provider jobId state</c>, each line checked against the scripted state.</summary>
    public List<string> FinalLines(CliProcess worker)
    {
        var finals = worker.Lines.Where(l => l.StartsWith("final ", StringComparison.Ordinal)).ToList();
        Assert.Equal(worker.Lines.Count, finals.Count); // nothing else on stdout
        var expected = Expected;
        foreach (var line in finals)
        {
            var parts = line.Split(' ');
            Assert.Equal(4, parts.Length);
            var key = $"{parts[1]} {parts[2]}";
            Assert.True(expected.TryGetValue(key, out var state), $"{worker.Name} reported a job the emulator does not have: {line}");
            Assert.Equal(state, parts[3]);
        }

        return [.. finals.Select(l => string.Join(' ', l.Split(' ')[1..3]))];
    }

    /// <summary>
    /// The end state the issue asks for: every job final in the state the emulator scripted, its completion handled, no
    /// lease left, and every job reported <c>final</c> by at least one of <paramref name="workers"/>.
    /// </summary>
    public async Task AssertEveryJobFinishedAsync(IEnumerable<CliProcess> workers)
    {
        var records = await ListAsync();
        Assert.Equal(Jobs.Count, records.Count);
        foreach (var (key, state) in Expected)
        {
            var record = records[key];
            var status = record.GetProperty("status");
            Assert.True(status.ValueKind == JsonValueKind.Object, $"{key} has no status");
            Assert.Equal(state, status.GetProperty("state").GetString());
            Assert.True(record.GetProperty("done").GetBoolean(), key);
            Assert.False(record.GetProperty("abandoned").GetBoolean(), key);
            Assert.True(record.GetProperty("completionHandled").GetBoolean(), key);
        }

        var reported = workers.SelectMany(FinalLines).ToHashSet(StringComparer.Ordinal);
        var missing = Expected.Keys.Where(k => !reported.Contains(k)).ToList();
        Assert.True(missing.Count == 0, $"{missing.Count} job(s) never reported final, e.g. {string.Join(", ", missing.Take(5))}");
    }

    /// <summary>Every record that is final in <paramref name="before"/> is unchanged in <paramref name="after"/> (a final status never goes back or changes).</summary>
    public static void AssertFinalStatusesKept(Dictionary<string, JsonElement> before, Dictionary<string, JsonElement> after)
    {
        var finals = before.Where(r => r.Value.GetProperty("done").GetBoolean()).ToList();
        foreach (var (key, record) in finals)
        {
            Assert.Equal(record.GetProperty("status").GetRawText(), after[key].GetProperty("status").GetRawText());
        }
    }

    /// <summary>Writes what happened to the test log: who reported what, and what the killed worker held.</summary>
    public static void Describe(ITestOutputHelper log, Dictionary<string, JsonElement> atKill, IReadOnlyList<CliProcess> workers, TrackRunScenario scenario)
    {
        var done = atKill.Values.Count(r => r.GetProperty("completionHandled").GetBoolean());
        var leased = atKill.Values.Where(r => r.GetProperty("leaseOwner").ValueKind == JsonValueKind.String)
            .GroupBy(r => r.GetProperty("leaseOwner").GetString()!).Select(g => $"{g.Key}: {g.Count()}");
        log.WriteLine($"at the kill: {done} of {atKill.Count} completions handled; leased: {string.Join(", ", leased)}");
        var reports = workers.Select(w => (w.Name, Jobs: scenario.FinalLines(w))).ToList();
        foreach (var (name, jobs) in reports)
        {
            log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name}: {jobs.Count} final line(s)"));
        }

        var twice = reports.SelectMany(r => r.Jobs).GroupBy(j => j).Count(g => g.Count() > 1);
        log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"jobs reported final more than once (at-least-once redelivery): {twice}"));
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var worker in _workers)
        {
            await worker.DisposeAsync();
        }

        await Emulator.DisposeAsync();
    }

    private static string Camel(FaxJobState state)
    {
        var name = state.ToString();
        return char.ToLowerInvariant(name[0]) + name[1..];
    }

    private static string Nest(IEnumerable<KeyValuePair<string, string?>> settings)
    {
        var root = new JsonObject();
        foreach (var (key, value) in settings)
        {
            var node = root;
            var parts = key.Split(':');
            foreach (var part in parts[..^1])
            {
                node = (JsonObject)(node[part] ??= new JsonObject());
            }

            node[parts[^1]] = value;
        }

        return root.ToJsonString();
    }
}
