namespace FaxSdk.Tracking.PostgreSql.Tests;

public sealed class LeaseExpiryTests(PostgreSqlServerFixture server) : PostgreSqlDatabaseTest(server)
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 10, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task Jobs_of_a_worker_that_died_are_taken_over_when_its_lease_expires_and_its_late_write_is_ignored()
    {
        var dead = await NewMigratedStoreAsync();
        var survivor = NewStore();
        var jobs = Jobs(10);
        await dead.AddAsync(jobs, Now);
        Assert.Equal(10, (await dead.ClaimDueAsync("dead", Now, 100, Lease)).Count);

        Assert.Empty(await survivor.ClaimDueAsync("survivor", Now + Lease - TimeSpan.FromMilliseconds(1), 100, Lease));
        var taken = await survivor.ClaimDueAsync("survivor", Now + Lease, 100, Lease);

        Assert.Equal(jobs, taken.Select(t => t.Job).Order(Comparer<FaxJobReference>.Create((a, b) => string.CompareOrdinal(a.JobId, b.JobId))).ToList());
        Assert.All(taken, t => Assert.Equal(Now + Lease + Lease, t.LeaseExpiresAt));

        // The first worker wakes up and reports: its lease is gone, so nothing it says is stored.
        var late = await dead.CompleteClaimsAsync("dead", jobs.Select(j => new FaxTrackedJobOutcome { Job = j, Status = StatusOf(j, FaxJobState.Canceled), NextDueAt = Now }).ToList());
        Assert.Empty(late);
        var applied = await survivor.CompleteClaimsAsync("survivor", jobs.Select(j => new FaxTrackedJobOutcome { Job = j, Status = StatusOf(j, FaxJobState.Succeeded), NextDueAt = Now }).ToList());
        Assert.Equal(10, applied.Count);
        Assert.All(applied, a => Assert.Equal(FaxJobState.Succeeded, a.Status!.State));
    }

    [Fact]
    public async Task A_completion_claimed_by_a_worker_that_died_is_delivered_again_after_its_lease_expires()
    {
        var dead = await NewMigratedStoreAsync();
        var survivor = NewStore();
        var job = Jobs(1)[0];
        await dead.AddAsync([job], Now);
        await dead.WriteStatusesAsync([(job, StatusOf(job, FaxJobState.Succeeded))]);
        Assert.Single(await dead.ClaimCompletionsAsync("dead", Now, 10, Lease));

        Assert.Empty(await survivor.ClaimCompletionsAsync("survivor", Now + Lease - TimeSpan.FromSeconds(1), 10, Lease));
        var again = Assert.Single(await survivor.ClaimCompletionsAsync("survivor", Now + Lease, 10, Lease));

        Assert.Equal(job, again.Job);
        Assert.Equal(0, await dead.MarkCompletionsHandledAsync("dead", [job]));
        Assert.Equal(1, await survivor.MarkCompletionsHandledAsync("survivor", [job]));
        Assert.Equal(0, (await survivor.CountAsync(Now + Lease)).CompletionsPending);
    }

    [Fact]
    public async Task A_named_lease_is_renewed_by_its_owner_refused_to_others_and_taken_over_once_expired()
    {
        var first = await NewMigratedStoreAsync();
        var second = NewStore();

        Assert.True(await first.TryAcquireLeaseAsync("feed", "a", Now, Lease));
        Assert.False(await second.TryAcquireLeaseAsync("feed", "b", Now + Lease - TimeSpan.FromSeconds(1), Lease));
        Assert.True(await first.TryAcquireLeaseAsync("feed", "a", Now + TimeSpan.FromMinutes(1), Lease));
        Assert.False(await second.TryAcquireLeaseAsync("feed", "b", Now + Lease, Lease));
        Assert.True(await second.TryAcquireLeaseAsync("feed", "b", Now + TimeSpan.FromMinutes(1) + Lease, Lease));
        Assert.False(await first.TryAcquireLeaseAsync("feed", "a", Now + TimeSpan.FromMinutes(1) + Lease, Lease));

        await first.ReleaseLeaseAsync("feed", "a");
        Assert.False(await first.TryAcquireLeaseAsync("feed", "a", Now + TimeSpan.FromMinutes(2) + Lease, Lease));
        await second.ReleaseLeaseAsync("feed", "b");
        Assert.True(await first.TryAcquireLeaseAsync("feed", "a", Now + TimeSpan.FromMinutes(2) + Lease, Lease));
    }
}
