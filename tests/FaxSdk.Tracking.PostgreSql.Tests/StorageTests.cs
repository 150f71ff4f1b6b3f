using System.Text.Json;
using FaxSdk.Serialization;

namespace FaxSdk.Tracking.PostgreSql.Tests;

public sealed class StorageTests(PostgreSqlServerFixture server) : PostgreSqlDatabaseTest(server)
{
    [Fact]
    public async Task Times_come_from_the_caller_never_from_the_server_clock()
    {
        var store = await NewMigratedStoreAsync();
        var future = new DateTimeOffset(2101, 1, 1, 0, 0, 0, TimeSpan.Zero);
        await store.AddAsync(Jobs(3), future);

        // The server's clock is far before the due time, yet a caller's "now" at that time claims them.
        Assert.Empty(await store.ClaimDueAsync("w", future - TimeSpan.FromTicks(10), 10, TimeSpan.FromMinutes(1)));
        var claimed = await store.ClaimDueAsync("w", future, 10, TimeSpan.FromMinutes(1));

        Assert.Equal(3, claimed.Count);
        Assert.All(claimed, c => Assert.Equal(future.AddMinutes(1), c.LeaseExpiresAt));
        Assert.Equal(3, (await store.CountAsync(future)).Leased);
        Assert.Equal(0, (await store.CountAsync(future.AddMinutes(1))).Leased);
    }

    [Fact]
    public async Task The_status_is_stored_as_canonical_json_beside_the_indexed_columns()
    {
        var store = await NewMigratedStoreAsync();
        var job = new FaxJobReference("retarus", "J/ü+1", "eu", isTest: true);
        var status = StatusOf(job, FaxJobState.Failed, detail: "Leitung besetzt +4930");
        await store.AddAsync([job], DateTimeOffset.UnixEpoch);

        await store.WriteStatusesAsync([(job, status)]);

        var json = (string)(await ScalarAsync("SELECT status::text FROM faxsdk.jobs"))!;
        Assert.Equal(status, JsonSerializer.Deserialize(json, FaxSdkJsonContext.Canonical.FaxJobStatus));
        Assert.Equal(true, await ScalarAsync(
            $"SELECT status = '{JsonSerializer.Serialize(status, FaxSdkJsonContext.Canonical.FaxJobStatus).Replace("'", "''", StringComparison.Ordinal)}'::jsonb FROM faxsdk.jobs"));
        Assert.Equal(true, await ScalarAsync("SELECT is_final AND NOT abandoned AND NOT completion_handled AND is_test FROM faxsdk.jobs"));
        var stored = await store.GetAsync(job);
        Assert.Equal(job, stored!.Job);
        Assert.True(stored.Job.IsTest);
        Assert.Equal(status, stored.Status);
    }

    [Fact]
    public async Task Interval_and_due_time_round_trip_and_a_stored_final_status_survives_a_claim_outcome()
    {
        var store = await NewMigratedStoreAsync();
        var job = Jobs(1)[0];
        var now = new DateTimeOffset(2026, 11, 30, 11, 0, 0, TimeSpan.FromHours(2));
        await store.AddAsync([job], now);
        var claimed = Assert.Single(await store.ClaimDueAsync("w", now, 1, TimeSpan.FromMinutes(1)));
        Assert.Equal(now, claimed.NextDueAt);

        await store.WriteStatusesAsync([(job, StatusOf(job, FaxJobState.Canceled))]);
        var stored = Assert.Single(await store.CompleteClaimsAsync("w", [new FaxTrackedJobOutcome
        {
            Job = job,
            Status = StatusOf(job, FaxJobState.InProgress),
            NextDueAt = now.AddSeconds(90),
            Interval = TimeSpan.FromTicks(123_456_789),
            ConsecutiveErrors = 2,
        }]));

        Assert.Equal(FaxJobState.Canceled, stored.Status!.State);
        Assert.Equal(TimeSpan.FromTicks(123_456_789), stored.Interval);
        Assert.Equal(now.AddSeconds(90), stored.NextDueAt);
        Assert.Equal(2, stored.ConsecutiveErrors);
        Assert.Null(stored.LeaseOwner);
        Assert.Equal(stored, await store.GetAsync(job));
    }

    [Fact]
    public async Task Large_batches_are_written_in_one_statement_each()
    {
        var store = await NewMigratedStoreAsync();
        var jobs = Jobs(5_000);
        var now = DateTimeOffset.UnixEpoch;

        Assert.Equal(5_000, await store.AddAsync(jobs.Concat(jobs).ToList(), now));
        var claimed = await store.ClaimDueAsync("w", now, 5_000, TimeSpan.FromMinutes(1));
        var completed = await store.CompleteClaimsAsync("w", claimed.Select(c => new FaxTrackedJobOutcome { Job = c.Job, Status = StatusOf(c.Job, FaxJobState.Succeeded), NextDueAt = now }).ToList());
        var completions = await store.ClaimCompletionsAsync("w", now, 5_000, TimeSpan.FromMinutes(1));
        var handled = await store.MarkCompletionsHandledAsync("w", completions.Select(c => c.Job).ToList());

        Assert.Equal(5_000, claimed.Count);
        Assert.Equal(5_000, completed.Count);
        Assert.Equal(5_000, completions.Count);
        Assert.Equal(5_000, handled);
        var counts = await store.CountAsync(now);
        Assert.Equal(new FaxTrackingCounts { Total = 5_000, Final = 5_000 }, counts);
    }
}
