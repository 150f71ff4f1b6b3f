namespace FaxSdk.Tests.Tracking;

/// <summary>A store that passes every call to another, with hooks to fail calls (a store that is down, a worker that dies).</summary>
internal sealed class InterceptingStore(IFaxTrackingStore inner) : IFaxTrackingStore
{
    /// <summary>Called before every call with its name and owner (if any); throw from it to fail the call.</summary>
    public Action<string, string?>? Before { get; set; }

    public Task MigrateAsync(CancellationToken cancellationToken = default) => Run(nameof(MigrateAsync), null, () => inner.MigrateAsync(cancellationToken));

    public Task<int> AddAsync(IReadOnlyCollection<FaxJobReference> jobs, DateTimeOffset dueAt, CancellationToken cancellationToken = default) =>
        Run(nameof(AddAsync), null, () => inner.AddAsync(jobs, dueAt, cancellationToken));

    public Task<bool> RemoveAsync(FaxJobReference job, CancellationToken cancellationToken = default) => Run(nameof(RemoveAsync), null, () => inner.RemoveAsync(job, cancellationToken));

    public Task<FaxTrackedJob?> GetAsync(FaxJobReference job, CancellationToken cancellationToken = default) => Run(nameof(GetAsync), null, () => inner.GetAsync(job, cancellationToken));

    public IAsyncEnumerable<FaxTrackedJob> ListAsync(CancellationToken cancellationToken = default)
    {
        Before?.Invoke(nameof(ListAsync), null);
        return inner.ListAsync(cancellationToken);
    }

    public Task<FaxTrackingCounts> CountAsync(DateTimeOffset now, CancellationToken cancellationToken = default) => Run(nameof(CountAsync), null, () => inner.CountAsync(now, cancellationToken));

    public Task<IReadOnlyList<FaxTrackedJob>> ClaimDueAsync(string owner, DateTimeOffset now, int maxJobs, TimeSpan leaseDuration, CancellationToken cancellationToken = default) =>
        Run(nameof(ClaimDueAsync), owner, () => inner.ClaimDueAsync(owner, now, maxJobs, leaseDuration, cancellationToken));

    /// <summary>Every outcome given to <see cref="CompleteClaimsAsync"/>, in order.</summary>
    public System.Collections.Concurrent.ConcurrentQueue<FaxTrackedJobOutcome> Outcomes { get; } = new();

    public Task<IReadOnlyList<FaxTrackedJob>> CompleteClaimsAsync(string owner, IReadOnlyCollection<FaxTrackedJobOutcome> outcomes, CancellationToken cancellationToken = default)
    {
        foreach (var outcome in outcomes)
        {
            Outcomes.Enqueue(outcome);
        }

        return Run(nameof(CompleteClaimsAsync), owner, () => inner.CompleteClaimsAsync(owner, outcomes, cancellationToken));
    }

    public Task<IReadOnlyList<(FaxTrackedJob? Previous, FaxTrackedJob Current)>> WriteStatusesAsync(IReadOnlyCollection<(FaxJobReference Job, FaxJobStatus Status)> statuses, CancellationToken cancellationToken = default) =>
        Run(nameof(WriteStatusesAsync), null, () => inner.WriteStatusesAsync(statuses, cancellationToken));

    public Task<IReadOnlyList<FaxTrackedJob>> ClaimCompletionsAsync(string owner, DateTimeOffset now, int maxJobs, TimeSpan leaseDuration, CancellationToken cancellationToken = default) =>
        Run(nameof(ClaimCompletionsAsync), owner, () => inner.ClaimCompletionsAsync(owner, now, maxJobs, leaseDuration, cancellationToken));

    public Task<int> MarkCompletionsHandledAsync(string owner, IReadOnlyCollection<FaxJobReference> jobs, CancellationToken cancellationToken = default) =>
        Run(nameof(MarkCompletionsHandledAsync), owner, () => inner.MarkCompletionsHandledAsync(owner, jobs, cancellationToken));

    /// <summary>Every named lease asked for (acquired or refused) and released, in order.</summary>
    public System.Collections.Concurrent.ConcurrentQueue<(string Name, string Owner, string Event)> Leases { get; } = new();

    public async Task<bool> TryAcquireLeaseAsync(string name, string owner, DateTimeOffset now, TimeSpan leaseDuration, CancellationToken cancellationToken = default)
    {
        var acquired = await Run(nameof(TryAcquireLeaseAsync), owner, () => inner.TryAcquireLeaseAsync(name, owner, now, leaseDuration, cancellationToken));
        Leases.Enqueue((name, owner, acquired ? "acquired" : "refused"));
        return acquired;
    }

    public async Task ReleaseLeaseAsync(string name, string owner, CancellationToken cancellationToken = default)
    {
        await Run(nameof(ReleaseLeaseAsync), owner, () => inner.ReleaseLeaseAsync(name, owner, cancellationToken));
        Leases.Enqueue((name, owner, "released"));
    }

    private T Run<T>(string call, string? owner, Func<T> next)
    {
        Before?.Invoke(call, owner);
        return next();
    }
}
