using FaxSdk.Tracking.PostgreSql.Tests;
using Xunit.Abstractions;

namespace FaxSdk.Cli.Tests.EndToEnd;

/// <summary>Worker processes on one PostgreSQL store, alone (they start processes and a database server).</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class PostgreSqlProcessCollection : ICollectionFixture<PostgreSqlServerFixture>
{
    public const string Name = "faxstatus processes on PostgreSQL";
}

/// <summary>A worker process on one SQLite file, alone (it starts processes).</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SqliteProcessCollection
{
    public const string Name = "faxstatus processes on SQLite";
}

/// <summary>
/// The "done when": 1,500 emulator jobs finished by <c>faxstatus track run</c> processes of which one is killed
/// with SIGKILL partway through: on PostgreSQL with three workers, on SQLite with one worker started again.
/// </summary>
[Collection(PostgreSqlProcessCollection.Name)]
public sealed class TrackRunPostgreSqlProcessTests(PostgreSqlServerFixture server, ITestOutputHelper log) : IAsyncLifetime
{
    private readonly string _directory = Directory.CreateTempSubdirectory("faxstatus-e2e-pg-").FullName;
    private string _connectionString = "";

    public async Task InitializeAsync() => _connectionString = await server.CreateDatabaseAsync();

    public async Task DisposeAsync()
    {
        await server.DropDatabaseAsync(_connectionString);
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task Three_workers_share_1500_jobs_and_after_one_is_killed_the_other_two_finish_every_job_each_final_state_written_once()
    {
        await using var scenario = await TrackRunScenario.StartAsync("postgres:" + _connectionString, _directory);
        await FinalWriteAudit.InstallPostgresAsync(_connectionString);

        CliProcess[] workers = [scenario.StartWorker("worker-1"), scenario.StartWorker("worker-2"), scenario.StartWorker("worker-3")];
        var (victim, survivors) = (workers[0], workers[1..]);

        // Partway through: the first worker has reported a job final; it is killed with SIGKILL (no clean-up runs).
        await victim.WaitForAsync(lines => lines.Count >= 1, TrackRunScenario.Bound, "a final line");
        await victim.KillAsync();
        var atKill = await scenario.ListAsync();
        Assert.Contains(atKill.Values, r => !r.GetProperty("completionHandled").GetBoolean());

        foreach (var survivor in survivors)
        {
            Assert.Equal(ExitCodes.Success, await survivor.WaitForExitAsync(TrackRunScenario.Bound));
            Assert.NotEmpty(scenario.FinalLines(survivor)); // both shared the work
        }

        await scenario.AssertEveryJobFinishedAsync(workers);
        TrackRunScenario.AssertFinalStatusesKept(atKill, await scenario.ListAsync());
        FinalWriteAudit.AssertOncePerJob(await FinalWriteAudit.ReadPostgresAsync(_connectionString), scenario.Expected.Keys);
        TrackRunScenario.Describe(log, atKill, workers, scenario);
    }
}

/// <summary>See <see cref="TrackRunPostgreSqlProcessTests"/>.</summary>
[Collection(SqliteProcessCollection.Name)]
public sealed class TrackRunSqliteProcessTests(ITestOutputHelper log) : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("faxstatus-e2e-sqlite-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task One_worker_killed_partway_and_started_again_finishes_every_job_each_final_state_written_once()
    {
        var path = Path.Combine(_directory, "fax-tracking.db");
        await using var scenario = await TrackRunScenario.StartAsync("sqlite:" + path, _directory);
        await FinalWriteAudit.InstallSqliteAsync(path);

        // The same worker name before and after, as a service restarted in place would have.
        var first = scenario.StartWorker("worker");
        await first.WaitForAsync(lines => lines.Count >= 1, TrackRunScenario.Bound, "a final line");
        await first.KillAsync();
        var atKill = await scenario.ListAsync();
        Assert.Contains(atKill.Values, r => !r.GetProperty("completionHandled").GetBoolean());

        var second = scenario.StartWorker("worker");
        Assert.Equal(ExitCodes.Success, await second.WaitForExitAsync(TrackRunScenario.Bound));
        Assert.NotEmpty(scenario.FinalLines(second));

        await scenario.AssertEveryJobFinishedAsync([first, second]);
        TrackRunScenario.AssertFinalStatusesKept(atKill, await scenario.ListAsync());
        FinalWriteAudit.AssertOncePerJob(await FinalWriteAudit.ReadSqliteAsync(path), scenario.Expected.Keys);
        TrackRunScenario.Describe(log, atKill, [first, second], scenario);
    }
}
