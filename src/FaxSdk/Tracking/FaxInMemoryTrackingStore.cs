using System.Runtime.CompilerServices;

namespace FaxSdk;

/// <summary>
/// A tracking store (<see cref="IFaxTrackingStore"/>) in this process's memory: what <see cref="FaxJobTracker"/> keeps
/// its jobs in, and a store for tests and for a single process that needs nothing to survive a restart. It follows the
/// contract exactly (leases, final states never replaced, completion claims, named leases); its state is lost when the
/// process ends.
/// </summary>
/// <remarks>
/// Thread-safe. Claims cost O(log n) per job claimed: jobs are indexed by the time they can next be claimed (their due
/// time, or the expiry of their lease), so due jobs are found without scanning the others.
/// </remarks>
public sealed class FaxInMemoryTrackingStore : IFaxTrackingStore
{
    private readonly Lock _lock = new();
    private readonly Dictionary<(string Provider, string Instance, string JobId), Slot> _jobs = [];
    private readonly SortedSet<Slot> _claimable = new(SlotOrder.Instance);
    private readonly SortedSet<Slot> _completions = new(SlotOrder.Instance);
    private readonly Dictionary<string, (string Owner, DateTimeOffset ExpiresAt)> _leases = new(StringComparer.Ordinal);
    private long _sequence;

    /// <inheritdoc />
    /// <remarks>Nothing to create: completes at once.</remarks>
    public Task MigrateAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<int> AddAsync(IReadOnlyCollection<FaxJobReference> jobs, DateTimeOffset dueAt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(jobs);
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(Add(jobs, dueAt));
    }

    /// <inheritdoc />
    public Task<bool> RemoveAsync(FaxJobReference job, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(job);
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(Remove(job));
    }

    /// <inheritdoc />
    public Task<FaxTrackedJob?> GetAsync(FaxJobReference job, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(job);
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(Get(job));
    }

    /// <inheritdoc />
    public IAsyncEnumerable<FaxTrackedJob> ListAsync(CancellationToken cancellationToken = default) => ListCoreAsync(cancellationToken);

    private async IAsyncEnumerable<FaxTrackedJob> ListCoreAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        List<FaxTrackedJob> snapshot;
        lock (_lock)
        {
            snapshot = [.. _jobs.OrderBy(j => j.Key.Provider, StringComparer.Ordinal).ThenBy(j => j.Key.Instance, StringComparer.Ordinal)
                .ThenBy(j => j.Key.JobId, StringComparer.Ordinal).Select(j => j.Value.Record)];
        }

        foreach (var job in snapshot)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return job;
        }

        await Task.CompletedTask.ConfigureAwait(false);
    }

    /// <inheritdoc />
    public Task<FaxTrackingCounts> CountAsync(DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        long total = 0, due = 0, leased = 0, final = 0, abandoned = 0, pending = 0;
        lock (_lock)
        {
            foreach (var slot in _jobs.Values)
            {
                var job = slot.Record;
                total++;
                due += !job.IsDone && job.NextDueAt <= now ? 1 : 0;
                leased += job.LeaseExpiresAt is { } expires && expires > now ? 1 : 0;
                final += job.Status is { IsTerminal: true } ? 1 : 0;
                abandoned += job.IsAbandoned && job.Status is not { IsTerminal: true } ? 1 : 0;
                pending += job.Status is { IsTerminal: true } && !job.CompletionHandled ? 1 : 0;
            }
        }

        return Task.FromResult(new FaxTrackingCounts { Total = total, Due = due, Leased = leased, Final = final, Abandoned = abandoned, CompletionsPending = pending });
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<FaxTrackedJob>> ClaimDueAsync(string owner, DateTimeOffset now, int maxJobs, TimeSpan leaseDuration, CancellationToken cancellationToken = default)
    {
        ValidateClaim(owner, maxJobs, leaseDuration);
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(Claim(_claimable, owner, now, maxJobs, leaseDuration));
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<FaxTrackedJob>> CompleteClaimsAsync(string owner, IReadOnlyCollection<FaxTrackedJobOutcome> outcomes, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(owner);
        ArgumentNullException.ThrowIfNull(outcomes);
        cancellationToken.ThrowIfCancellationRequested();
        var applied = new List<FaxTrackedJob>(outcomes.Count);
        lock (_lock)
        {
            foreach (var outcome in outcomes)
            {
                if (!_jobs.TryGetValue(Key(outcome.Job), out var slot) || slot.Record.LeaseOwner != owner)
                {
                    continue;
                }

                var before = slot.Record;
                var keepFinal = before.Status is { IsTerminal: true };
                var status = keepFinal ? before.Status : outcome.Status ?? before.Status;
                Update(slot, before with
                {
                    Status = status,
                    NextDueAt = outcome.NextDueAt,
                    Interval = outcome.Interval,
                    ConsecutiveErrors = outcome.ConsecutiveErrors,
                    IsAbandoned = before.IsAbandoned || (outcome.Abandon && status is not { IsTerminal: true }),
                    LeaseOwner = null,
                    LeaseExpiresAt = null,
                });
                applied.Add(slot.Record);
            }
        }

        return Task.FromResult<IReadOnlyList<FaxTrackedJob>>(applied);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<(FaxTrackedJob? Previous, FaxTrackedJob Current)>> WriteStatusesAsync(IReadOnlyCollection<(FaxJobReference Job, FaxJobStatus Status)> statuses, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(statuses);
        cancellationToken.ThrowIfCancellationRequested();
        var changed = new List<(FaxTrackedJob? Previous, FaxTrackedJob Current)>();
        lock (_lock)
        {
            foreach (var (job, status) in statuses)
            {
                ArgumentNullException.ThrowIfNull(job, nameof(statuses));
                ArgumentNullException.ThrowIfNull(status, nameof(statuses));
                if (!_jobs.TryGetValue(Key(job), out var slot))
                {
                    continue;
                }

                var before = slot.Record;
                if (before.Status is { IsTerminal: true } || (before.Status is { } stored && !FaxStatusChange.IsChange(stored, status)))
                {
                    continue;
                }

                // A final status reaches even an abandoned job (a push after the provider kept answering "not found").
                Update(slot, before with { Status = status, IsAbandoned = before.IsAbandoned && !status.IsTerminal });
                changed.Add((before, slot.Record));
            }
        }

        return Task.FromResult<IReadOnlyList<(FaxTrackedJob? Previous, FaxTrackedJob Current)>>(changed);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<FaxTrackedJob>> ClaimCompletionsAsync(string owner, DateTimeOffset now, int maxJobs, TimeSpan leaseDuration, CancellationToken cancellationToken = default)
    {
        ValidateClaim(owner, maxJobs, leaseDuration);
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(Claim(_completions, owner, now, maxJobs, leaseDuration));
    }

    /// <inheritdoc />
    public Task<int> MarkCompletionsHandledAsync(string owner, IReadOnlyCollection<FaxJobReference> jobs, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(owner);
        ArgumentNullException.ThrowIfNull(jobs);
        cancellationToken.ThrowIfCancellationRequested();
        var marked = 0;
        lock (_lock)
        {
            foreach (var job in jobs)
            {
                if (_jobs.TryGetValue(Key(job), out var slot) && slot.Record.LeaseOwner == owner && slot.Record.Status is { IsTerminal: true } && !slot.Record.CompletionHandled)
                {
                    Update(slot, slot.Record with { CompletionHandled = true, LeaseOwner = null, LeaseExpiresAt = null });
                    marked++;
                }
            }
        }

        return Task.FromResult(marked);
    }

    /// <inheritdoc />
    public Task<bool> TryAcquireLeaseAsync(string name, string owner, DateTimeOffset now, TimeSpan leaseDuration, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentException.ThrowIfNullOrEmpty(owner);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(leaseDuration, TimeSpan.Zero);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_lock)
        {
            if (_leases.TryGetValue(name, out var lease) && lease.Owner != owner && lease.ExpiresAt > now)
            {
                return Task.FromResult(false);
            }

            _leases[name] = (owner, now + leaseDuration);
            return Task.FromResult(true);
        }
    }

    /// <inheritdoc />
    public Task ReleaseLeaseAsync(string name, string owner, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentException.ThrowIfNullOrEmpty(owner);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_lock)
        {
            if (_leases.TryGetValue(name, out var lease) && lease.Owner == owner)
            {
                _leases.Remove(name);
            }
        }

        return Task.CompletedTask;
    }

    /// <summary>Adds jobs synchronously (what <see cref="AddAsync"/> does).</summary>
    internal int Add(IEnumerable<FaxJobReference> jobs, DateTimeOffset dueAt)
    {
        var added = 0;
        lock (_lock)
        {
            foreach (var job in jobs)
            {
                ArgumentNullException.ThrowIfNull(job, nameof(jobs));
                added += AddLocked(job, dueAt) ? 1 : 0;
            }
        }

        return added;
    }

    /// <summary>Makes room for <paramref name="more"/> jobs besides those tracked.</summary>
    internal void EnsureCapacity(int more)
    {
        lock (_lock)
        {
            _jobs.EnsureCapacity(_jobs.Count + more);
        }
    }

    /// <summary>Adds one job synchronously; <see langword="false"/> when it is already tracked.</summary>
    internal bool Add(FaxJobReference job, DateTimeOffset dueAt)
    {
        lock (_lock)
        {
            return AddLocked(job, dueAt);
        }
    }

    /// <summary>Adds one job; the caller holds the lock.</summary>
    private bool AddLocked(FaxJobReference job, DateTimeOffset dueAt)
    {
        var key = Key(job);
        if (_jobs.ContainsKey(key))
        {
            return false;
        }

        var slot = new Slot(new FaxTrackedJob { Job = job, NextDueAt = dueAt }, ++_sequence);
        _jobs.Add(key, slot);
        Index(slot);
        return true;
    }

    /// <summary>Removes a job synchronously (what <see cref="RemoveAsync"/> does).</summary>
    internal bool Remove(FaxJobReference job)
    {
        lock (_lock)
        {
            if (!_jobs.Remove(Key(job), out var slot))
            {
                return false;
            }

            Unindex(slot);
            return true;
        }
    }

    /// <summary>Reads a job synchronously (what <see cref="GetAsync"/> does).</summary>
    internal FaxTrackedJob? Get(FaxJobReference job)
    {
        lock (_lock)
        {
            return _jobs.TryGetValue(Key(job), out var slot) ? slot.Record : null;
        }
    }

    /// <summary>How many jobs are not done.</summary>
    internal int CountNotDone()
    {
        lock (_lock)
        {
            return _claimable.Count;
        }
    }

    /// <summary>Whether a job of a provider instance is tracked and not done.</summary>
    internal bool HasUnfinished(string provider, string instance)
    {
        lock (_lock)
        {
            return _claimable.Any(s => s.Record.Job.Provider == provider && s.Record.Job.Instance == instance);
        }
    }

    /// <summary>When the earliest not-done job can next be claimed, or <see langword="null"/> when none is tracked.</summary>
    internal DateTimeOffset? NextClaimableAt()
    {
        lock (_lock)
        {
            return _claimable.Count == 0 ? null : _claimable.Min!.ClaimableAt;
        }
    }

    private static (string, string, string) Key(FaxJobReference job) => (job.Provider, job.Instance, job.JobId);

    private static void ValidateClaim(string owner, int maxJobs, TimeSpan leaseDuration)
    {
        ArgumentException.ThrowIfNullOrEmpty(owner);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxJobs, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(leaseDuration, TimeSpan.Zero);
    }

    private IReadOnlyList<FaxTrackedJob> Claim(SortedSet<Slot> index, string owner, DateTimeOffset now, int maxJobs, TimeSpan leaseDuration)
    {
        var claimed = new List<FaxTrackedJob>();
        lock (_lock)
        {
            while (claimed.Count < maxJobs && index.Count > 0 && index.Min!.ClaimableAt <= now)
            {
                var slot = index.Min;
                Update(slot, slot.Record with { LeaseOwner = owner, LeaseExpiresAt = now + leaseDuration });
                claimed.Add(slot.Record);
            }
        }

        return claimed;
    }

    /// <summary>Replaces a slot's record and moves it in the indexes (under the lock).</summary>
    private void Update(Slot slot, FaxTrackedJob record)
    {
        Unindex(slot);
        slot.Record = record;
        Index(slot);
    }

    private void Index(Slot slot)
    {
        var job = slot.Record;
        var lease = job.LeaseExpiresAt ?? DateTimeOffset.MinValue;
        if (!job.IsDone)
        {
            // A due job under a lease can be claimed again when the lease expires; a job not yet due when it is due.
            slot.ClaimableAt = job.NextDueAt > lease ? job.NextDueAt : lease;
            slot.IndexedIn = _claimable;
        }
        else if (job.Status is { IsTerminal: true } && !job.CompletionHandled)
        {
            slot.ClaimableAt = lease;
            slot.IndexedIn = _completions;
        }
        else
        {
            slot.IndexedIn = null;
            return;
        }

        slot.IndexedIn.Add(slot);
    }

    private static void Unindex(Slot slot)
    {
        slot.IndexedIn?.Remove(slot);
        slot.IndexedIn = null;
    }

    private sealed class Slot(FaxTrackedJob record, long sequence)
    {
        public FaxTrackedJob Record { get; set; } = record;

        public long Sequence { get; } = sequence;

        public DateTimeOffset ClaimableAt { get; set; }

        public SortedSet<Slot>? IndexedIn { get; set; }
    }

    private sealed class SlotOrder : IComparer<Slot>
    {
        public static readonly SlotOrder Instance = new();

        public int Compare(Slot? x, Slot? y)
        {
            if (ReferenceEquals(x, y))
            {
                return 0;
            }

            var byTime = x!.ClaimableAt.CompareTo(y!.ClaimableAt);
            return byTime != 0 ? byTime : x.Sequence.CompareTo(y.Sequence);
        }
    }
}
