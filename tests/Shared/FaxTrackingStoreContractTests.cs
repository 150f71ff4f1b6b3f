namespace FaxSdk.TestSupport;

/// <summary>
/// The <see cref="IFaxTrackingStore"/> contract as tests: every store (in memory, SQLite, PostgreSQL) derives a test class
/// from this one and supplies a fresh, empty store per test. Link it into a test project with
/// <c>&lt;Compile Include="$(MSBuildThisFileDirectory)../Shared/FaxTrackingStoreContractTests.cs" Link="Shared/FaxTrackingStoreContractTests.cs" /&gt;</c>.
/// Time is passed in, as stores never read a clock.
/// </summary>
public abstract class FaxTrackingStoreContractTests
{
    /// <summary>The time the tests start at.</summary>
    protected static readonly DateTimeOffset T0 = new(2026, 11, 30, 9, 0, 0, TimeSpan.Zero);

    /// <summary>A lease of one minute.</summary>
    protected static readonly TimeSpan Lease = TimeSpan.FromMinutes(1);

    /// <summary>Creates a fresh, empty store (not yet migrated).</summary>
    protected abstract Task<IFaxTrackingStore> CreateStoreAsync();

    /// <summary>A fresh store, migrated (twice: migrating is idempotent).</summary>
    protected async Task<IFaxTrackingStore> StoreAsync()
    {
        var store = await CreateStoreAsync();
        await store.MigrateAsync();
        await store.MigrateAsync();
        return store;
    }

    /// <summary>A job of the provider <c>p</c>.</summary>
    protected static FaxJobReference Job(string id, string instance = FaxJobReference.DefaultInstance, bool isTest = false) => new("p", id, instance, isTest);

    /// <summary>A status of a job.</summary>
    protected static FaxJobStatus Status(FaxJobReference job, FaxJobState state, string? providerStatus = null) =>
        new() { Provider = job.Provider, JobId = job.JobId, State = state, ProviderStatus = providerStatus ?? state.ToString().ToLowerInvariant() };

    [Fact]
    public async Task Adding_is_idempotent_and_new_jobs_are_due_when_asked_with_nothing_else_known()
    {
        var store = await StoreAsync();

        Assert.Equal(2, await store.AddAsync([Job("a"), Job("b", isTest: true)], T0));
        Assert.Equal(1, await store.AddAsync([Job("a"), Job("c")], T0.AddHours(1)));

        var a = await store.GetAsync(Job("a"));
        Assert.NotNull(a);
        Assert.Equal(T0, a.NextDueAt);
        Assert.Null(a.Status);
        Assert.Null(a.LeaseOwner);
        Assert.Equal(0, a.ConsecutiveErrors);
        Assert.False(a.IsDone);
        Assert.False(a.CompletionHandled);
        Assert.True((await store.GetAsync(Job("b")))!.Job.IsTest);
        Assert.Equal(T0.AddHours(1), (await store.GetAsync(Job("c")))!.NextDueAt);
        Assert.Null(await store.GetAsync(Job("missing")));
        Assert.Equal(3, (await store.CountAsync(T0)).Total);
    }

    [Fact]
    public async Task Only_due_unleased_jobs_are_claimed_earliest_first_and_an_expired_lease_frees_them()
    {
        var store = await StoreAsync();
        await store.AddAsync([Job("late")], T0.AddSeconds(30));
        await store.AddAsync([Job("second")], T0.AddSeconds(-10));
        await store.AddAsync([Job("first")], T0.AddSeconds(-20));
        await store.AddAsync([Job("third")], T0);

        var claimed = await store.ClaimDueAsync("w1", T0, 2, Lease);
        Assert.Equal(["first", "second"], claimed.Select(j => j.Job.JobId));
        Assert.All(claimed, j => Assert.Equal(("w1", T0 + Lease), (j.LeaseOwner, j.LeaseExpiresAt)));

        Assert.Equal(["third"], (await store.ClaimDueAsync("w2", T0, 10, Lease)).Select(j => j.Job.JobId));
        Assert.Empty(await store.ClaimDueAsync("w3", T0.AddSeconds(10), 10, Lease));

        // w1 died: after its lease expires, another worker takes its jobs (and the late one, due by then).
        var later = await store.ClaimDueAsync("w3", T0 + Lease, 10, Lease);
        Assert.Equal(["first", "late", "second", "third"], later.Select(j => j.Job.JobId).Order());
        Assert.All(later, j => Assert.Equal("w3", j.LeaseOwner));
    }

    [Fact]
    public async Task Overlapping_claims_of_many_workers_never_hand_out_a_job_twice()
    {
        var store = await StoreAsync();
        var jobs = Enumerable.Range(0, 300).Select(i => Job($"j{i:D3}")).ToList();
        await store.AddAsync(jobs, T0);

        var claims = await Task.WhenAll(Enumerable.Range(0, 6).Select(w => Task.Run(async () =>
        {
            var mine = new List<string>();
            while (true)
            {
                var batch = await store.ClaimDueAsync($"w{w}", T0, 7, Lease);
                if (batch.Count == 0)
                {
                    return mine;
                }

                mine.AddRange(batch.Select(j => j.Job.JobId));
            }
        })));

        var all = claims.SelectMany(c => c).ToList();
        Assert.Equal(300, all.Count);
        Assert.Equal(300, all.Distinct().Count());
        Assert.Equal(300, (await store.CountAsync(T0)).Leased);
    }

    [Fact]
    public async Task Completing_claims_writes_the_outcomes_releases_the_leases_and_ignores_jobs_not_held()
    {
        var store = await StoreAsync();
        await store.AddAsync([Job("a"), Job("b")], T0);
        await store.ClaimDueAsync("w1", T0, 10, Lease);
        var read = Status(Job("a"), FaxJobState.InProgress);

        Assert.Empty(await store.CompleteClaimsAsync("w2", [new FaxTrackedJobOutcome { Job = Job("a"), Status = read, NextDueAt = T0.AddHours(1) }]));
        var stored = await store.CompleteClaimsAsync("w1",
        [
            new FaxTrackedJobOutcome { Job = Job("a"), Status = read, NextDueAt = T0.AddSeconds(4), Interval = TimeSpan.FromSeconds(4) },
            new FaxTrackedJobOutcome { Job = Job("b"), NextDueAt = T0.AddSeconds(8), Interval = TimeSpan.FromSeconds(8), ConsecutiveErrors = 2 },
        ]);

        Assert.Equal(["a", "b"], stored.Select(j => j.Job.JobId).Order());
        var a = (await store.GetAsync(Job("a")))!;
        Assert.Equal((FaxJobState.InProgress, T0.AddSeconds(4), TimeSpan.FromSeconds(4), 0), (a.Status!.State, a.NextDueAt, a.Interval, a.ConsecutiveErrors));
        Assert.Null(a.LeaseOwner);
        Assert.Null(a.LeaseExpiresAt);
        var b = (await store.GetAsync(Job("b")))!;
        Assert.Null(b.Status);
        Assert.Equal(2, b.ConsecutiveErrors);

        // Due again only when the outcome said so; a late outcome of a worker whose lease was taken over is ignored.
        Assert.Empty(await store.ClaimDueAsync("w2", T0.AddSeconds(3), 10, Lease));
        await store.ClaimDueAsync("w2", T0.AddSeconds(4), 10, Lease);
        Assert.Empty(await store.CompleteClaimsAsync("w1", [new FaxTrackedJobOutcome { Job = Job("a"), Status = Status(Job("a"), FaxJobState.Failed), NextDueAt = T0 }]));
        Assert.Equal(FaxJobState.InProgress, (await store.GetAsync(Job("a")))!.Status!.State);
    }

    [Fact]
    public async Task A_final_status_is_never_replaced_by_any_write()
    {
        var store = await StoreAsync();
        var job = Job("f");
        await store.AddAsync([job], T0);
        await store.ClaimDueAsync("w1", T0, 10, Lease);

        // A push makes it final while w1 polls it; w1's late non-final read must not undo that.
        var pushed = await store.WriteStatusesAsync([(job, Status(job, FaxJobState.Succeeded))]);
        Assert.Equal(FaxJobState.Succeeded, Assert.Single(pushed).Current.Status!.State);
        var completed = await store.CompleteClaimsAsync("w1", [new FaxTrackedJobOutcome { Job = job, Status = Status(job, FaxJobState.InProgress), NextDueAt = T0.AddSeconds(2) }]);
        Assert.Equal(FaxJobState.Succeeded, Assert.Single(completed).Status!.State);

        Assert.Empty(await store.WriteStatusesAsync([(job, Status(job, FaxJobState.Pending))]));
        Assert.Empty(await store.WriteStatusesAsync([(job, Status(job, FaxJobState.Failed))]));
        var stored = (await store.GetAsync(job))!;
        Assert.Equal(FaxJobState.Succeeded, stored.Status!.State);
        Assert.True(stored.IsDone);
        Assert.Empty(await store.ClaimDueAsync("w2", T0.AddDays(1), 10, Lease));
    }

    [Fact]
    public async Task Written_statuses_change_only_tracked_jobs_whose_status_differs_and_leave_schedule_and_lease_alone()
    {
        var store = await StoreAsync();
        var job = Job("w");
        await store.AddAsync([job], T0.AddMinutes(5));
        var first = Status(job, FaxJobState.Pending);

        var changes = await store.WriteStatusesAsync([(job, first), (Job("untracked"), Status(Job("untracked"), FaxJobState.Succeeded))]);
        var (previous, current) = Assert.Single(changes);
        Assert.Null(previous!.Status);
        Assert.Equal(FaxJobState.Pending, current.Status!.State);
        Assert.Equal(T0.AddMinutes(5), current.NextDueAt);
        Assert.Null(await store.GetAsync(Job("untracked")));

        Assert.Empty(await store.WriteStatusesAsync([(job, Status(job, FaxJobState.Pending))]));
        var moved = Assert.Single(await store.WriteStatusesAsync([(job, Status(job, FaxJobState.InProgress))]));
        Assert.Equal(FaxJobState.Pending, moved.Previous!.Status!.State);
        Assert.Equal(T0.AddMinutes(5), moved.Current.NextDueAt);

        await store.ClaimDueAsync("w1", T0.AddMinutes(5), 10, Lease);
        var final = Assert.Single(await store.WriteStatusesAsync([(job, Status(job, FaxJobState.Failed))]));
        Assert.Equal("w1", final.Current.LeaseOwner);
        Assert.True(final.Current.IsDone);
    }

    [Fact]
    public async Task An_abandoned_job_is_done_is_never_claimed_again_and_a_later_final_status_still_reaches_it()
    {
        var store = await StoreAsync();
        var job = Job("gone");
        await store.AddAsync([job, Job("other")], T0);
        await store.ClaimDueAsync("w1", T0, 10, Lease);
        await store.CompleteClaimsAsync("w1",
        [
            new FaxTrackedJobOutcome { Job = job, NextDueAt = T0.AddSeconds(1), ConsecutiveErrors = 5, Abandon = true },
            new FaxTrackedJobOutcome { Job = Job("other"), NextDueAt = T0.AddSeconds(1) },
        ]);

        var stored = (await store.GetAsync(job))!;
        Assert.True(stored.IsAbandoned);
        Assert.True(stored.IsDone);
        Assert.Equal(["other"], (await store.ClaimDueAsync("w1", T0.AddHours(1), 10, Lease)).Select(j => j.Job.JobId));
        var counts = await store.CountAsync(T0.AddHours(1));
        Assert.Equal((2L, 1L, 0L), (counts.Total, counts.Abandoned, counts.Final));

        Assert.Single(await store.WriteStatusesAsync([(job, Status(job, FaxJobState.Succeeded))]));
        Assert.Equal(1, (await store.CountAsync(T0.AddHours(1))).Final);
        Assert.Equal(job, Assert.Single(await store.ClaimCompletionsAsync("w1", T0.AddHours(1), 10, Lease)).Job);
    }

    [Fact]
    public async Task A_completion_is_claimed_by_one_worker_and_marked_handled_once()
    {
        var store = await StoreAsync();
        var job = Job("done");
        await store.AddAsync([job, Job("open")], T0);
        await store.WriteStatusesAsync([(job, Status(job, FaxJobState.Succeeded)), (Job("open"), Status(Job("open"), FaxJobState.InProgress))]);
        Assert.Equal(1, (await store.CountAsync(T0)).CompletionsPending);

        var claimed = Assert.Single(await store.ClaimCompletionsAsync("w1", T0, 10, Lease));
        Assert.Equal(FaxJobState.Succeeded, claimed.Status!.State);
        Assert.Empty(await store.ClaimCompletionsAsync("w2", T0, 10, Lease));
        Assert.Equal(0, await store.MarkCompletionsHandledAsync("w2", [job]));
        Assert.Equal(1, await store.MarkCompletionsHandledAsync("w1", [job, Job("open")]));
        Assert.Equal(0, await store.MarkCompletionsHandledAsync("w1", [job]));

        var stored = (await store.GetAsync(job))!;
        Assert.True(stored.CompletionHandled);
        Assert.Null(stored.LeaseOwner);
        Assert.Empty(await store.ClaimCompletionsAsync("w2", T0.AddDays(1), 10, Lease));
        Assert.Equal(0, (await store.CountAsync(T0)).CompletionsPending);
    }

    [Fact]
    public async Task A_completion_whose_worker_died_before_marking_it_is_delivered_again_after_the_lease()
    {
        var store = await StoreAsync();
        var job = Job("crash");
        await store.AddAsync([job], T0);
        await store.WriteStatusesAsync([(job, Status(job, FaxJobState.Failed))]);

        Assert.Single(await store.ClaimCompletionsAsync("w1", T0, 10, Lease));
        Assert.Empty(await store.ClaimCompletionsAsync("w2", T0 + Lease - TimeSpan.FromSeconds(1), 10, Lease));
        var again = Assert.Single(await store.ClaimCompletionsAsync("w2", T0 + Lease, 10, Lease));
        Assert.Equal("w2", again.LeaseOwner);
        Assert.Equal(0, await store.MarkCompletionsHandledAsync("w1", [job]));
        Assert.Equal(1, await store.MarkCompletionsHandledAsync("w2", [job]));
    }

    [Fact]
    public async Task A_named_lease_has_one_holder_until_it_expires_or_is_released()
    {
        var store = await StoreAsync();

        Assert.True(await store.TryAcquireLeaseAsync("feed:p:default", "w1", T0, Lease));
        Assert.False(await store.TryAcquireLeaseAsync("feed:p:default", "w2", T0.AddSeconds(30), Lease));
        Assert.True(await store.TryAcquireLeaseAsync("feed:p:other", "w2", T0, Lease));
        Assert.True(await store.TryAcquireLeaseAsync("feed:p:default", "w1", T0.AddSeconds(50), Lease));
        Assert.False(await store.TryAcquireLeaseAsync("feed:p:default", "w2", T0 + Lease, Lease));

        // Renewed at 50 s: free at 110 s.
        Assert.True(await store.TryAcquireLeaseAsync("feed:p:default", "w2", T0.AddSeconds(50) + Lease, Lease));
        await store.ReleaseLeaseAsync("feed:p:default", "w1");
        Assert.False(await store.TryAcquireLeaseAsync("feed:p:default", "w3", T0.AddSeconds(60) + Lease, Lease));
        await store.ReleaseLeaseAsync("feed:p:default", "w2");
        Assert.True(await store.TryAcquireLeaseAsync("feed:p:default", "w3", T0.AddSeconds(60) + Lease, Lease));
    }

    [Fact]
    public async Task Counts_list_and_remove_reflect_every_job()
    {
        var store = await StoreAsync();
        await store.AddAsync([Job("b", "x"), Job("a", "y"), Job("c"), Job("d")], T0);
        await store.AddAsync([Job("later")], T0.AddHours(1));
        await store.ClaimDueAsync("w1", T0, 1, Lease);
        await store.WriteStatusesAsync([(Job("d"), Status(Job("d"), FaxJobState.Canceled))]);

        var counts = await store.CountAsync(T0);
        Assert.Equal(5, counts.Total);
        Assert.Equal(3, counts.Due);
        Assert.Equal(1, counts.Leased);
        Assert.Equal(1, counts.Final);
        Assert.Equal(1, counts.CompletionsPending);

        var listed = new List<FaxTrackedJob>();
        await foreach (var job in store.ListAsync())
        {
            listed.Add(job);
        }

        Assert.Equal(["default:c", "default:d", "default:later", "x:b", "y:a"], listed.Select(j => $"{j.Job.Instance}:{j.Job.JobId}"));
        Assert.True(await store.RemoveAsync(Job("c")));
        Assert.False(await store.RemoveAsync(Job("c")));
        Assert.Null(await store.GetAsync(Job("c")));
        Assert.Equal(4, (await store.CountAsync(T0)).Total);
    }
}
