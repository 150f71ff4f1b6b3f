using System.Collections.Concurrent;

namespace FaxSdk.Tracking.PostgreSql.Tests;

public sealed class ConcurrencyTests(PostgreSqlServerFixture server) : PostgreSqlDatabaseTest(server)
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Concurrent_claimers_on_many_connections_never_get_the_same_job()
    {
        var setup = await NewMigratedStoreAsync();
        var jobs = Jobs(1_200);
        await setup.AddAsync(jobs, Now);
        // Eight workers, each with its own data source and several connections in flight at once.
        var workers = Enumerable.Range(0, 8).Select(i => (Name: $"worker-{i}", Store: NewStore())).ToList();
        var claims = new ConcurrentBag<(string Worker, FaxJobReference Job)>();

        await Task.WhenAll(workers.SelectMany(w => Enumerable.Range(0, 3).Select(_ => Task.Run(async () =>
        {
            while (true)
            {
                var claimed = await w.Store.ClaimDueAsync(w.Name, Now, 17, TimeSpan.FromMinutes(5));
                if (claimed.Count == 0)
                {
                    return;
                }

                foreach (var job in claimed)
                {
                    Assert.Equal(w.Name, job.LeaseOwner);
                    claims.Add((w.Name, job.Job));
                }
            }
        }))));

        var claimedJobs = claims.Select(c => c.Job).ToList();
        Assert.Equal(jobs.Count, claimedJobs.Count);
        Assert.Equal(jobs.Count, claimedJobs.Distinct().Count());
        Assert.True(claims.Select(c => c.Worker).Distinct().Count() > 1, "the claims should be spread over several workers");
        Assert.Equal(jobs.Count, (await setup.CountAsync(Now)).Leased);
    }

    [Fact]
    public async Task Concurrent_claim_complete_rounds_finish_every_job_once_with_its_final_state()
    {
        var setup = await NewMigratedStoreAsync();
        var jobs = Jobs(400);
        await setup.AddAsync(jobs, Now);
        var finals = new ConcurrentBag<FaxJobReference>();
        var workers = Enumerable.Range(0, 4).Select(i => (Name: $"worker-{i}", Store: NewStore())).ToList();

        // Each poll of a job moves it on: the first poll finds it in progress, the second final.
        await Task.WhenAll(workers.Select(w => Task.Run(async () =>
        {
            for (var round = 0; round < 1_000; round++)
            {
                var claimed = await w.Store.ClaimDueAsync(w.Name, Now, 25, TimeSpan.FromMinutes(5));
                if (claimed.Count == 0)
                {
                    return;
                }

                var outcomes = claimed.Select(c => new FaxTrackedJobOutcome
                {
                    Job = c.Job,
                    Status = StatusOf(c.Job, c.Status is null ? FaxJobState.InProgress : FaxJobState.Succeeded),
                    NextDueAt = Now,
                    Interval = TimeSpan.FromSeconds(30),
                }).ToList();
                var stored = await w.Store.CompleteClaimsAsync(w.Name, outcomes);
                Assert.Equal(claimed.Count, stored.Count);
                foreach (var done in stored.Where(s => s.IsDone))
                {
                    finals.Add(done.Job);
                }
            }
        })));

        Assert.Equal(jobs.Count, finals.Count);
        Assert.Equal(jobs.Count, finals.Distinct().Count());
        var counts = await setup.CountAsync(Now);
        Assert.Equal(jobs.Count, counts.Final);
        Assert.Equal(0, counts.Leased);
        Assert.Equal(0, counts.Due);
    }

    [Fact]
    public async Task Of_many_owners_racing_for_a_named_lease_exactly_one_gets_it()
    {
        await NewMigratedStoreAsync();
        var contenders = Enumerable.Range(0, 12).Select(i => (Name: $"worker-{i}", Store: NewStore())).ToList();

        var results = await Task.WhenAll(contenders.Select(c => Task.Run(() => c.Store.TryAcquireLeaseAsync("feed:retarus/default", c.Name, Now, TimeSpan.FromMinutes(1)))));

        Assert.Equal(1, results.Count(r => r));
    }

    [Fact]
    public async Task Pushed_final_statuses_racing_with_poll_outcomes_are_never_replaced()
    {
        var setup = await NewMigratedStoreAsync();
        var jobs = Jobs(200);
        await setup.AddAsync(jobs, Now);
        var poller = NewStore();
        var pusher = NewStore();
        var claimed = await poller.ClaimDueAsync("poller", Now, jobs.Count, TimeSpan.FromMinutes(5));
        Assert.Equal(jobs.Count, claimed.Count);

        // The push writes a final state while the poller, holding the leases, writes an older non-final one.
        var push = Task.Run(() => pusher.WriteStatusesAsync(jobs.Select(j => (j, StatusOf(j, FaxJobState.Failed))).ToList()));
        var poll = Task.Run(() => poller.CompleteClaimsAsync("poller", jobs.Select(j => new FaxTrackedJobOutcome
        {
            Job = j,
            Status = StatusOf(j, FaxJobState.InProgress),
            NextDueAt = Now.AddMinutes(1),
        }).ToList()));
        await Task.WhenAll(push, poll);

        await foreach (var job in setup.ListAsync())
        {
            Assert.Equal(FaxJobState.Failed, job.Status!.State);
            Assert.True(job.IsDone);
            Assert.Null(job.LeaseOwner);
        }
    }
}
