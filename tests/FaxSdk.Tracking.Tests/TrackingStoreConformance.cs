using System.Collections.Concurrent;

namespace FaxSdk.Tracking.Tests;

/// <summary>
/// The <see cref="IFaxTrackingStore"/> contract, clause by clause, for any store: a store's test class derives from this
/// and says how to make a fresh, empty store (<see cref="CreateStoreAsync"/>). Stores are passed <c>now</c> and read no
/// clock, so every test runs on fixed times.
/// </summary>
public abstract class TrackingStoreConformance
{
    /// <summary>A fixed "now" for the tests.</summary>
    protected static readonly DateTimeOffset T0 = new(2026, 1, 1, 9, 0, 0, TimeSpan.Zero);

    /// <summary>A lease long enough that no test step lets it expire by accident.</summary>
    protected static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);

    /// <summary>A fresh, empty store, not yet migrated (the tests call <see cref="IFaxTrackingStore.MigrateAsync"/>).</summary>
    protected abstract Task<IFaxTrackingStore> CreateStoreAsync();

    /// <summary>
    /// Another instance over the same data as <paramref name="store"/> (what a second process would open); stores that
    /// live in one object return it as it is.
    /// </summary>
    protected virtual Task<IFaxTrackingStore> OpenSameStoreAsync(IFaxTrackingStore store) => Task.FromResult(store);

    /// <summary>A fresh store with its schema in place.</summary>
    protected async Task<IFaxTrackingStore> NewStoreAsync()
    {
        var store = await CreateStoreAsync();
        await store.MigrateAsync();
        return store;
    }

    protected static FaxJobReference Job(string id, string provider = "phaxio", string instance = FaxJobReference.DefaultInstance, bool isTest = false) =>
        new(provider, id, instance, isTest);

    protected static FaxJobStatus Status(FaxJobReference job, FaxJobState state, string? detail = null) => new()
    {
        Provider = job.Provider,
        JobId = job.JobId,
        State = state,
        ProviderStatus = state.ToString().ToLowerInvariant(),
        Detail = detail,
        Pages = 2,
        SubmittedAt = T0.AddMinutes(-1),
        CompletedAt = state.IsTerminal() ? T0.AddMinutes(3) : null,
        Error = state == FaxJobState.Failed ? new FaxError(FaxFailureCategory.Busy, message: "busy") : null,
        Recipients = [new FaxRecipientStatus { FaxNumber = "+15550100", State = FaxRecipientState.Pending }],
    };

    protected static FaxTrackedJobOutcome Outcome(FaxJobReference job, FaxJobStatus? status, DateTimeOffset nextDueAt, int errors = 0, bool abandon = false) => new()
    {
        Job = job,
        Status = status,
        NextDueAt = nextDueAt,
        Interval = TimeSpan.FromSeconds(30),
        ConsecutiveErrors = errors,
        Abandon = abandon,
    };

    protected static async Task<List<FaxTrackedJob>> ListAllAsync(IFaxTrackingStore store)
    {
        var all = new List<FaxTrackedJob>();
        await foreach (var job in store.ListAsync())
        {
            all.Add(job);
        }

        return all;
    }

    [Fact]
    public async Task Migrate_twice_and_concurrently_keeps_the_data()
    {
        var store = await NewStoreAsync();
        await store.AddAsync([Job("1")], T0);
        await store.MigrateAsync();
        var second = await OpenSameStoreAsync(store);
        await Task.WhenAll(Enumerable.Range(0, 6).Select(i => Task.Run(() => (i % 2 == 0 ? store : second).MigrateAsync())));

        Assert.NotNull(await second.GetAsync(Job("1")));
        Assert.Equal(1, (await store.CountAsync(T0)).Total);
    }

    [Fact]
    public async Task A_fresh_store_migrated_concurrently_by_two_instances_works()
    {
        var store = await CreateStoreAsync();
        var second = await OpenSameStoreAsync(store);
        await Task.WhenAll(Task.Run(() => store.MigrateAsync()), Task.Run(() => second.MigrateAsync()), Task.Run(() => store.MigrateAsync()));

        Assert.Equal(1, await second.AddAsync([Job("1")], T0));
        Assert.Equal(0, await store.AddAsync([Job("1")], T0));
    }

    [Fact]
    public async Task Adding_is_idempotent_and_counts_only_new_jobs()
    {
        var store = await NewStoreAsync();

        Assert.Equal(2, await store.AddAsync([Job("a"), Job("b")], T0));
        Assert.Equal(1, await store.AddAsync([Job("b"), Job("c")], T0.AddHours(1)));
        Assert.Equal(1, await store.AddAsync([Job("d"), Job("d")], T0));
        Assert.Equal(0, await store.AddAsync([], T0));

        var b = await store.GetAsync(Job("b"));
        Assert.Equal(T0, b!.NextDueAt); // the second add left it as it was
        Assert.Equal(4, (await store.CountAsync(T0)).Total);
    }

    [Fact]
    public async Task Adding_a_tracked_job_again_leaves_its_status_and_lease()
    {
        var store = await NewStoreAsync();
        var job = Job("a");
        await store.AddAsync([job], T0);
        await store.ClaimDueAsync("w1", T0, 10, Lease);
        await store.WriteStatusesAsync([(job, Status(job, FaxJobState.InProgress))]);

        Assert.Equal(0, await store.AddAsync([job], T0.AddDays(1)));

        var stored = await store.GetAsync(job);
        Assert.Equal(FaxJobState.InProgress, stored!.Status!.State);
        Assert.Equal("w1", stored.LeaseOwner);
        Assert.Equal(T0, stored.NextDueAt);
    }

    [Fact]
    public async Task A_new_job_is_stored_with_its_reference_and_nothing_else()
    {
        var store = await NewStoreAsync();
        var job = Job("J-1", "pantarey", "eu", isTest: true);
        await store.AddAsync([job], T0.AddSeconds(5));

        var stored = await store.GetAsync(job);

        Assert.NotNull(stored);
        Assert.Equal(job, stored.Job);
        Assert.True(stored.Job.IsTest);
        Assert.Null(stored.Status);
        Assert.Equal(T0.AddSeconds(5), stored.NextDueAt);
        Assert.Equal(0, stored.ConsecutiveErrors);
        Assert.False(stored.IsAbandoned);
        Assert.False(stored.IsDone);
        Assert.Null(stored.LeaseOwner);
        Assert.Null(stored.LeaseExpiresAt);
        Assert.False(stored.CompletionHandled);
    }

    [Fact]
    public async Task Jobs_are_told_apart_by_provider_instance_and_id()
    {
        var store = await NewStoreAsync();
        Assert.Equal(4, await store.AddAsync([Job("1"), Job("1", "retarus"), Job("1", instance: "second"), Job("2")], T0));

        Assert.Null(await store.GetAsync(Job("1", "concord")));
        Assert.Equal("second", (await store.GetAsync(Job("1", instance: "second")))!.Job.Instance);
    }

    [Fact]
    public async Task Remove_stops_tracking_once()
    {
        var store = await NewStoreAsync();
        await store.AddAsync([Job("a"), Job("b")], T0);

        Assert.True(await store.RemoveAsync(Job("a")));
        Assert.False(await store.RemoveAsync(Job("a")));
        Assert.Null(await store.GetAsync(Job("a")));
        Assert.NotNull(await store.GetAsync(Job("b")));
        Assert.Equal(["b"], (await store.ClaimDueAsync("w", T0, 10, Lease)).Select(j => j.Job.JobId));
    }

    [Fact]
    public async Task List_is_ordered_by_provider_instance_and_job_id()
    {
        var store = await NewStoreAsync();
        await store.AddAsync([Job("b", "retarus"), Job("2"), Job("10"), Job("a", "concord"), Job("1", instance: "z"), Job("1", instance: "a")], T0);

        var listed = (await ListAllAsync(store)).Select(j => j.Job.ToString()).ToList();

        Assert.Equal(["concord:a", "phaxio/a:1", "phaxio:10", "phaxio:2", "phaxio/z:1", "retarus:b"], listed);
    }

    [Fact]
    public async Task Claims_take_due_jobs_earliest_first_up_to_the_limit_and_lease_them()
    {
        var store = await NewStoreAsync();
        await store.AddAsync([Job("late")], T0.AddSeconds(30));
        await store.AddAsync([Job("second")], T0.AddSeconds(-10));
        await store.AddAsync([Job("first")], T0.AddSeconds(-20));
        await store.AddAsync([Job("third")], T0);
        await store.AddAsync([Job("future")], T0.AddMinutes(1));

        var claimed = await store.ClaimDueAsync("w1", T0, 2, Lease);

        Assert.Equal(["first", "second"], claimed.Select(j => j.Job.JobId));
        Assert.All(claimed, j => Assert.Equal("w1", j.LeaseOwner));
        Assert.All(claimed, j => Assert.Equal(T0 + Lease, j.LeaseExpiresAt));
        Assert.Equal("w1", (await store.GetAsync(Job("first")))!.LeaseOwner);

        var rest = await store.ClaimDueAsync("w1", T0, 10, Lease);
        Assert.Equal(["third"], rest.Select(j => j.Job.JobId)); // due at exactly now; "late" and "future" are not due
    }

    [Fact]
    public async Task A_leased_job_is_not_claimed_by_another_worker_until_the_lease_expires()
    {
        var store = await NewStoreAsync();
        await store.AddAsync([Job("a"), Job("b")], T0);
        var first = await store.ClaimDueAsync("w1", T0, 10, TimeSpan.FromSeconds(60));

        Assert.Equal(2, first.Count);
        Assert.Empty(await store.ClaimDueAsync("w2", T0.AddSeconds(59), 10, Lease));
        Assert.Empty(await store.ClaimDueAsync("w1", T0.AddSeconds(59), 10, Lease)); // its own unexpired lease too

        var reclaimed = await store.ClaimDueAsync("w2", T0.AddSeconds(61), 10, Lease);

        Assert.Equal(["a", "b"], reclaimed.Select(j => j.Job.JobId).Order());
        Assert.All(reclaimed, j => Assert.Equal("w2", j.LeaseOwner));
        Assert.All(reclaimed, j => Assert.Equal(T0.AddSeconds(61) + Lease, j.LeaseExpiresAt));
    }

    [Fact]
    public async Task Completing_claims_writes_the_outcome_and_releases_the_lease()
    {
        var store = await NewStoreAsync();
        var job = Job("a");
        await store.AddAsync([job], T0);
        await store.ClaimDueAsync("w1", T0, 10, Lease);
        var status = Status(job, FaxJobState.InProgress, "sending page 1");

        var applied = await store.CompleteClaimsAsync("w1", [Outcome(job, status, T0.AddSeconds(30))]);

        var stored = Assert.Single(applied);
        Assert.Equal(status, stored.Status);
        Assert.Equal(T0.AddSeconds(30), stored.NextDueAt);
        Assert.Equal(TimeSpan.FromSeconds(30), stored.Interval);
        Assert.Null(stored.LeaseOwner);
        Assert.Null(stored.LeaseExpiresAt);
        Assert.Equal(stored, await store.GetAsync(job));
        Assert.Empty(await store.ClaimDueAsync("w2", T0.AddSeconds(29), 10, Lease));
        Assert.Single(await store.ClaimDueAsync("w2", T0.AddSeconds(30), 10, Lease));
    }

    [Fact]
    public async Task A_failed_poll_keeps_the_stored_status_and_counts_errors()
    {
        var store = await NewStoreAsync();
        var job = Job("a");
        await store.AddAsync([job], T0);
        await store.ClaimDueAsync("w1", T0, 10, Lease);
        var status = Status(job, FaxJobState.Pending);
        await store.CompleteClaimsAsync("w1", [Outcome(job, status, T0)]);
        await store.ClaimDueAsync("w1", T0, 10, Lease);

        var applied = await store.CompleteClaimsAsync("w1", [Outcome(job, null, T0.AddMinutes(2), errors: 3)]);

        Assert.Equal(status, Assert.Single(applied).Status);
        var stored = await store.GetAsync(job);
        Assert.Equal(status, stored!.Status);
        Assert.Equal(3, stored.ConsecutiveErrors);
        Assert.Equal(T0.AddMinutes(2), stored.NextDueAt);
    }

    [Fact]
    public async Task An_outcome_is_ignored_after_the_lease_was_lost()
    {
        var store = await NewStoreAsync();
        var job = Job("a");
        await store.AddAsync([job], T0);
        await store.ClaimDueAsync("w1", T0, 10, TimeSpan.FromSeconds(10));
        await store.ClaimDueAsync("w2", T0.AddSeconds(11), 10, Lease); // w1 was too slow

        var late = await store.CompleteClaimsAsync("w1", [Outcome(job, Status(job, FaxJobState.Succeeded), T0.AddHours(1))]);

        Assert.Empty(late);
        var stored = await store.GetAsync(job);
        Assert.Null(stored!.Status);
        Assert.Equal("w2", stored.LeaseOwner);
        Assert.Single(await store.CompleteClaimsAsync("w2", [Outcome(job, Status(job, FaxJobState.Pending), T0.AddSeconds(40))]));
    }

    [Fact]
    public async Task An_outcome_for_a_job_never_claimed_is_ignored()
    {
        var store = await NewStoreAsync();
        var job = Job("a");
        await store.AddAsync([job], T0);

        Assert.Empty(await store.CompleteClaimsAsync("w1", [Outcome(job, Status(job, FaxJobState.Succeeded), T0)]));
        Assert.Empty(await store.CompleteClaimsAsync("w1", [Outcome(Job("untracked"), Status(Job("untracked"), FaxJobState.Succeeded), T0)]));
        Assert.Null((await store.GetAsync(job))!.Status);
        Assert.Null(await store.GetAsync(Job("untracked")));
    }

    [Fact]
    public async Task Outcomes_are_applied_per_job_in_one_batch()
    {
        var store = await NewStoreAsync();
        await store.AddAsync([Job("mine"), Job("theirs")], T0);
        await store.ClaimDueAsync("w1", T0, 1, Lease);
        await store.ClaimDueAsync("w2", T0, 1, Lease);
        var mine = (await ListAllAsync(store)).Single(j => j.LeaseOwner == "w1").Job;
        var theirs = (await ListAllAsync(store)).Single(j => j.LeaseOwner == "w2").Job;

        var applied = await store.CompleteClaimsAsync("w1", [Outcome(mine, Status(mine, FaxJobState.Pending), T0.AddSeconds(5)), Outcome(theirs, Status(theirs, FaxJobState.Pending), T0.AddSeconds(5))]);

        Assert.Equal(mine, Assert.Single(applied).Job);
        Assert.Null((await store.GetAsync(theirs))!.Status);
        Assert.Equal("w2", (await store.GetAsync(theirs))!.LeaseOwner);
    }

    [Fact]
    public async Task A_final_status_for_an_abandoned_job_makes_it_final()
    {
        var store = await NewStoreAsync();
        var job = Job("a");
        await store.AddAsync([job], T0);
        await store.ClaimDueAsync("w1", T0, 10, Lease);
        await store.CompleteClaimsAsync("w1", [Outcome(job, null, T0, errors: 5, abandon: true)]);

        var (previous, current) = Assert.Single(await store.WriteStatusesAsync([(job, Status(job, FaxJobState.Succeeded))])); // a late push

        Assert.True(previous!.IsAbandoned);
        Assert.False(current.IsAbandoned);
        Assert.True(current.IsDone);
        var counts = await store.CountAsync(T0);
        Assert.Equal(1, counts.Final);
        Assert.Equal(0, counts.Abandoned);
        Assert.Equal(job, Assert.Single(await store.ClaimCompletionsAsync("w1", T0, 10, Lease)).Job);
    }

    [Fact]
    public async Task An_abandoning_outcome_with_a_final_status_is_final()
    {
        var store = await NewStoreAsync();
        var job = Job("a");
        await store.AddAsync([job], T0);
        await store.ClaimDueAsync("w1", T0, 10, Lease);

        var stored = Assert.Single(await store.CompleteClaimsAsync("w1", [Outcome(job, Status(job, FaxJobState.Canceled), T0, abandon: true)]));

        Assert.False(stored.IsAbandoned);
        Assert.Equal(1, (await store.CountAsync(T0)).Final);
    }

    [Fact]
    public async Task A_final_status_ends_polling()
    {
        var store = await NewStoreAsync();
        var job = Job("a");
        await store.AddAsync([job], T0);
        await store.ClaimDueAsync("w1", T0, 10, Lease);
        var final = Status(job, FaxJobState.Succeeded);

        var applied = await store.CompleteClaimsAsync("w1", [Outcome(job, final, T0.AddSeconds(30))]);

        Assert.True(Assert.Single(applied).IsDone);
        Assert.Empty(await store.ClaimDueAsync("w1", T0.AddDays(1), 10, Lease));
        var counts = await store.CountAsync(T0.AddDays(1));
        Assert.Equal(1, counts.Final);
        Assert.Equal(0, counts.Due);
    }

    [Fact]
    public async Task A_final_status_is_never_replaced_by_a_claim_outcome()
    {
        var store = await NewStoreAsync();
        var job = Job("a");
        await store.AddAsync([job], T0);
        await store.ClaimDueAsync("w1", T0, 10, Lease);
        var pushed = Status(job, FaxJobState.Failed, "pushed while polling");
        await store.WriteStatusesAsync([(job, pushed)]);

        var applied = await store.CompleteClaimsAsync("w1", [Outcome(job, Status(job, FaxJobState.InProgress), T0.AddSeconds(30))]);

        Assert.Equal(pushed, Assert.Single(applied).Status); // the stored final record, lease released
        var stored = await store.GetAsync(job);
        Assert.Null(stored!.LeaseOwner);
        Assert.Equal(pushed, stored.Status);
        Assert.Empty(await store.ClaimDueAsync("w2", T0.AddDays(1), 10, Lease));
    }

    [Fact]
    public async Task A_final_status_is_never_replaced_by_another_final_outcome()
    {
        var store = await NewStoreAsync();
        var job = Job("a");
        await store.AddAsync([job], T0);
        await store.ClaimDueAsync("w1", T0, 10, Lease);
        var first = Status(job, FaxJobState.Succeeded);
        await store.WriteStatusesAsync([(job, first)]);

        await store.CompleteClaimsAsync("w1", [Outcome(job, Status(job, FaxJobState.Failed), T0.AddSeconds(30))]);

        Assert.Equal(first, (await store.GetAsync(job))!.Status);
    }

    [Fact]
    public async Task Written_statuses_change_tracked_jobs_without_touching_schedule_or_lease()
    {
        var store = await NewStoreAsync();
        var job = Job("a");
        await store.AddAsync([job], T0.AddSeconds(10));
        await store.ClaimDueAsync("w1", T0.AddSeconds(10), 10, Lease);
        var status = Status(job, FaxJobState.InProgress);

        var changed = await store.WriteStatusesAsync([(job, status), (Job("untracked"), Status(Job("untracked"), FaxJobState.Succeeded))]);

        var (previous, current) = Assert.Single(changed);
        Assert.Null(previous!.Status);
        Assert.Equal(status, current.Status);
        Assert.Equal("w1", current.LeaseOwner);
        Assert.Equal(T0.AddSeconds(10), current.NextDueAt);
        Assert.Null(await store.GetAsync(Job("untracked")));
        Assert.Equal(1, (await store.CountAsync(T0)).Total);
    }

    [Fact]
    public async Task Writing_the_stored_status_again_changes_nothing()
    {
        var store = await NewStoreAsync();
        var job = Job("a");
        await store.AddAsync([job], T0);
        var status = Status(job, FaxJobState.InProgress);
        await store.WriteStatusesAsync([(job, status)]);

        Assert.Empty(await store.WriteStatusesAsync([(job, status with { })]));
        var next = status with { ProviderStatus = "sending" };
        var (previous, current) = Assert.Single(await store.WriteStatusesAsync([(job, next)]));
        Assert.Equal(status, previous!.Status);
        Assert.Equal(next, current.Status);
    }

    [Fact]
    public async Task A_written_final_status_makes_the_job_done_and_is_never_replaced()
    {
        var store = await NewStoreAsync();
        var job = Job("a");
        await store.AddAsync([job], T0);
        var final = Status(job, FaxJobState.PartiallySucceeded);

        var (_, current) = Assert.Single(await store.WriteStatusesAsync([(job, final)]));

        Assert.True(current.IsDone);
        Assert.Empty(await store.WriteStatusesAsync([(job, Status(job, FaxJobState.InProgress))]));
        Assert.Empty(await store.WriteStatusesAsync([(job, Status(job, FaxJobState.Failed))]));
        Assert.Equal(final, (await store.GetAsync(job))!.Status);
        Assert.Empty(await store.ClaimDueAsync("w1", T0.AddDays(1), 10, Lease));
    }

    [Fact]
    public async Task Statuses_for_one_job_in_one_batch_apply_in_order_until_final()
    {
        var store = await NewStoreAsync();
        var job = Job("a");
        await store.AddAsync([job], T0);
        var pending = Status(job, FaxJobState.Pending);
        var final = Status(job, FaxJobState.Succeeded);

        var changed = await store.WriteStatusesAsync([(job, pending), (job, final), (job, Status(job, FaxJobState.InProgress))]);

        Assert.Equal([pending, final], changed.Select(c => c.Current.Status));
        Assert.Equal(final, (await store.GetAsync(job))!.Status);
    }

    [Fact]
    public async Task An_abandoned_job_is_done_and_no_longer_claimed()
    {
        var store = await NewStoreAsync();
        var job = Job("a");
        await store.AddAsync([job], T0);
        await store.ClaimDueAsync("w1", T0, 10, Lease);

        var applied = await store.CompleteClaimsAsync("w1", [Outcome(job, null, T0.AddSeconds(30), errors: 5, abandon: true)]);

        var stored = Assert.Single(applied);
        Assert.True(stored.IsAbandoned);
        Assert.True(stored.IsDone);
        Assert.Empty(await store.ClaimDueAsync("w1", T0.AddDays(1), 10, Lease));
        Assert.Empty(await store.ClaimCompletionsAsync("w1", T0.AddDays(1), 10, Lease));
        var counts = await store.CountAsync(T0.AddDays(1));
        Assert.Equal(1, counts.Abandoned);
        Assert.Equal(0, counts.Final);
        Assert.Equal(0, counts.Due);
    }

    [Fact]
    public async Task Completions_are_claimed_then_marked_handled_by_their_owner()
    {
        var store = await NewStoreAsync();
        var job = Job("a");
        await store.AddAsync([job, Job("open")], T0);
        await store.WriteStatusesAsync([(job, Status(job, FaxJobState.Succeeded))]);

        var claimed = await store.ClaimCompletionsAsync("w1", T0, 10, Lease);

        var completion = Assert.Single(claimed);
        Assert.Equal(job, completion.Job);
        Assert.Equal(FaxJobState.Succeeded, completion.Status!.State);
        Assert.Equal("w1", completion.LeaseOwner);
        Assert.Empty(await store.ClaimCompletionsAsync("w2", T0, 10, Lease));
        Assert.Equal(0, await store.MarkCompletionsHandledAsync("w2", [job]));
        Assert.Equal(1, await store.MarkCompletionsHandledAsync("w1", [job, Job("open"), Job("untracked")]));

        var stored = await store.GetAsync(job);
        Assert.True(stored!.CompletionHandled);
        Assert.Null(stored.LeaseOwner);
        Assert.Empty(await store.ClaimCompletionsAsync("w2", T0.AddDays(1), 10, Lease));
        Assert.Equal(0, await store.MarkCompletionsHandledAsync("w1", [job]));
        Assert.Equal(0, (await store.CountAsync(T0)).CompletionsPending);
    }

    [Fact]
    public async Task A_completion_not_marked_before_its_lease_expires_is_delivered_again()
    {
        var store = await NewStoreAsync();
        var job = Job("a");
        await store.AddAsync([job], T0);
        await store.WriteStatusesAsync([(job, Status(job, FaxJobState.Failed))]);
        await store.ClaimCompletionsAsync("w1", T0, 10, TimeSpan.FromSeconds(30)); // w1 dies in its handler

        Assert.Empty(await store.ClaimCompletionsAsync("w2", T0.AddSeconds(29), 10, Lease));
        var again = await store.ClaimCompletionsAsync("w2", T0.AddSeconds(31), 10, Lease);

        Assert.Equal(job, Assert.Single(again).Job);
        Assert.Equal(0, await store.MarkCompletionsHandledAsync("w1", [job])); // too late
        Assert.False((await store.GetAsync(job))!.CompletionHandled);
        Assert.Equal(1, await store.MarkCompletionsHandledAsync("w2", [job]));
    }

    [Fact]
    public async Task A_completion_waits_for_the_poll_lease_of_its_job()
    {
        var store = await NewStoreAsync();
        var job = Job("a");
        await store.AddAsync([job], T0);
        await store.ClaimDueAsync("w1", T0, 10, TimeSpan.FromSeconds(30));
        await store.WriteStatusesAsync([(job, Status(job, FaxJobState.Succeeded))]); // a push while w1 polls

        Assert.Empty(await store.ClaimCompletionsAsync("w2", T0.AddSeconds(1), 10, Lease));
        await store.CompleteClaimsAsync("w1", [Outcome(job, Status(job, FaxJobState.InProgress), T0.AddSeconds(30))]);

        Assert.Equal(job, Assert.Single(await store.ClaimCompletionsAsync("w2", T0.AddSeconds(2), 10, Lease)).Job);
        Assert.Equal(FaxJobState.Succeeded, (await store.GetAsync(job))!.Status!.State);
    }

    [Fact]
    public async Task Completion_claims_respect_the_limit()
    {
        var store = await NewStoreAsync();
        var jobs = Enumerable.Range(0, 5).Select(i => Job($"j{i}")).ToList();
        await store.AddAsync(jobs, T0);
        await store.WriteStatusesAsync([.. jobs.Select(j => (j, Status(j, FaxJobState.Succeeded)))]);

        var first = await store.ClaimCompletionsAsync("w1", T0, 3, Lease);
        var second = await store.ClaimCompletionsAsync("w2", T0, 3, Lease);

        Assert.Equal(3, first.Count);
        Assert.Equal(2, second.Count);
        Assert.Empty(first.Select(j => j.Job).Intersect(second.Select(j => j.Job)));
    }

    [Fact]
    public async Task Named_leases_have_one_holder_until_released_or_expired()
    {
        var store = await NewStoreAsync();
        var duration = TimeSpan.FromSeconds(30);

        Assert.True(await store.TryAcquireLeaseAsync("feed:retarus/default", "w1", T0, duration));
        Assert.False(await store.TryAcquireLeaseAsync("feed:retarus/default", "w2", T0.AddSeconds(10), duration));
        Assert.True(await store.TryAcquireLeaseAsync("feed:concord/default", "w2", T0.AddSeconds(10), duration)); // another name
        Assert.True(await store.TryAcquireLeaseAsync("feed:retarus/default", "w1", T0.AddSeconds(20), duration)); // renewed to T0+50s
        Assert.False(await store.TryAcquireLeaseAsync("feed:retarus/default", "w2", T0.AddSeconds(45), duration));
        Assert.True(await store.TryAcquireLeaseAsync("feed:retarus/default", "w2", T0.AddSeconds(51), duration)); // expired
        Assert.False(await store.TryAcquireLeaseAsync("feed:retarus/default", "w1", T0.AddSeconds(52), duration));

        await store.ReleaseLeaseAsync("feed:retarus/default", "w1"); // not the holder: no effect
        Assert.False(await store.TryAcquireLeaseAsync("feed:retarus/default", "w1", T0.AddSeconds(53), duration));

        await store.ReleaseLeaseAsync("feed:retarus/default", "w2");
        Assert.True(await store.TryAcquireLeaseAsync("feed:retarus/default", "w1", T0.AddSeconds(54), duration));
    }

    [Fact]
    public async Task Counts_tell_jobs_apart_by_condition()
    {
        var store = await NewStoreAsync();
        var jobs = Enumerable.Range(0, 7).Select(i => Job($"j{i}")).ToList();
        await store.AddAsync(jobs[..5], T0);
        await store.AddAsync(jobs[5..], T0.AddHours(1)); // j5, j6: not due yet
        await store.ClaimDueAsync("w1", T0, 3, Lease); // j0, j1, j2 (by id among equal due times)
        await store.CompleteClaimsAsync("w1",
        [
            Outcome(jobs[0], Status(jobs[0], FaxJobState.Succeeded), T0),
            Outcome(jobs[1], null, T0, errors: 9, abandon: true),
        ]); // j2 stays leased
        await store.WriteStatusesAsync([(jobs[3], Status(jobs[3], FaxJobState.Failed))]);
        await store.ClaimCompletionsAsync("w1", T0, 1, Lease);
        await store.MarkCompletionsHandledAsync("w1", [jobs[0], jobs[3]]);

        var counts = await store.CountAsync(T0);

        Assert.Equal(7, counts.Total);
        Assert.Equal(2, counts.Due); // j2 (leased, still due) and j4
        Assert.Equal(1, counts.Leased); // j2
        Assert.Equal(2, counts.Final); // j0, j3
        Assert.Equal(1, counts.Abandoned); // j1
        Assert.Equal(1, counts.CompletionsPending); // one of j0/j3 was claimed and handled
        Assert.Equal(0, (await store.CountAsync(T0 + Lease + TimeSpan.FromSeconds(1))).Leased);
        Assert.Equal(4, (await store.CountAsync(T0.AddHours(1))).Due);
    }

    [Fact]
    public async Task Parallel_claimers_never_get_the_same_job()
    {
        var store = await NewStoreAsync();
        var jobs = Enumerable.Range(0, 300).Select(i => Job($"j{i:D3}", i % 3 == 0 ? "concord" : "phaxio")).ToList();
        await store.AddAsync(jobs, T0);
        var claims = new ConcurrentBag<(string Owner, FaxJobReference Job)>();
        var applied = new ConcurrentBag<FaxJobReference>();

        async Task WorkAsync(string owner)
        {
            var instance = await OpenSameStoreAsync(store);
            while (true)
            {
                var claimed = await instance.ClaimDueAsync(owner, T0, 7, Lease);
                if (claimed.Count == 0)
                {
                    return;
                }

                foreach (var job in claimed)
                {
                    claims.Add((owner, job.Job));
                }

                var done = await instance.CompleteClaimsAsync(owner, [.. claimed.Select(j => Outcome(j.Job, Status(j.Job, FaxJobState.Succeeded), T0))]);
                foreach (var job in done)
                {
                    applied.Add(job.Job);
                }
            }
        }

        await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(() => WorkAsync($"w{i}"))));

        Assert.Equal(jobs.Count, claims.Count);
        Assert.Equal(jobs.Order(JobOrder.Instance), claims.Select(c => c.Job).Order(JobOrder.Instance));
        Assert.Equal(jobs.Count, applied.Distinct().Count());
        Assert.Equal(jobs.Count, applied.Count);
        Assert.Equal(jobs.Count, (await store.CountAsync(T0)).Final);
    }

    [Fact]
    public async Task Parallel_completion_claimers_never_get_the_same_job()
    {
        var store = await NewStoreAsync();
        var jobs = Enumerable.Range(0, 120).Select(i => Job($"j{i:D3}")).ToList();
        await store.AddAsync(jobs, T0);
        await store.WriteStatusesAsync([.. jobs.Select(j => (j, Status(j, FaxJobState.Succeeded)))]);
        var handled = new ConcurrentBag<FaxJobReference>();

        async Task WorkAsync(string owner)
        {
            var instance = await OpenSameStoreAsync(store);
            while (await instance.ClaimCompletionsAsync(owner, T0, 5, Lease) is { Count: > 0 } claimed)
            {
                foreach (var job in claimed)
                {
                    handled.Add(job.Job);
                }

                Assert.Equal(claimed.Count, await instance.MarkCompletionsHandledAsync(owner, [.. claimed.Select(j => j.Job)]));
            }
        }

        await Task.WhenAll(Enumerable.Range(0, 6).Select(i => Task.Run(() => WorkAsync($"w{i}"))));

        Assert.Equal(jobs.Order(JobOrder.Instance), handled.Order(JobOrder.Instance));
        Assert.Equal(0, (await store.CountAsync(T0)).CompletionsPending);
    }

    [Fact]
    public async Task Parallel_adds_of_overlapping_jobs_count_each_job_once()
    {
        var store = await NewStoreAsync();
        var jobs = Enumerable.Range(0, 100).Select(i => Job($"j{i}")).ToList();

        var added = await Task.WhenAll(Enumerable.Range(0, 5).Select(i => Task.Run(async () =>
            await (await OpenSameStoreAsync(store)).AddAsync(jobs.Skip(i * 10).Take(60).ToList(), T0))));

        Assert.Equal(100, added.Sum());
        Assert.Equal(100, (await store.CountAsync(T0)).Total);
    }

    [Fact]
    public async Task Parallel_named_lease_takers_get_one_holder()
    {
        var store = await NewStoreAsync();

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(async () =>
            (Owner: $"w{i}", Held: await (await OpenSameStoreAsync(store)).TryAcquireLeaseAsync("feed", $"w{i}", T0, Lease)))));

        Assert.Single(results, r => r.Held);
    }

    /// <summary>Orders job references by provider, instance and id, for comparing sets.</summary>
    protected sealed class JobOrder : IComparer<FaxJobReference>
    {
        public static JobOrder Instance { get; } = new();

        public int Compare(FaxJobReference? x, FaxJobReference? y) =>
            string.CompareOrdinal(x?.ToString(), y?.ToString());
    }
}
