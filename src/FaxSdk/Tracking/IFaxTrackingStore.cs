namespace FaxSdk;

/// <summary>
/// Where trackers keep their state, so that it survives restarts and can be shared by several processes (workers).
/// FaxSdk ships an in-memory store; FaxSdk.Tracking.Sqlite and FaxSdk.Tracking.PostgreSql persist it.
/// </summary>
/// <remarks>
/// <para>Every method is safe to call from several threads and, for shared stores, several processes.</para>
/// <para><b>Leases.</b> A worker claims jobs under a lease (an owner name and an expiry). While a lease is unexpired no
/// other worker can claim the job; when it expires (the worker died) any worker can. Writes that need a lease
/// (<see cref="CompleteClaimsAsync"/>, <see cref="MarkCompletionsHandledAsync"/>) are ignored for jobs whose lease the
/// worker no longer holds.</para>
/// <para><b>Final states.</b> Once a job's stored status is final it is never replaced: every write path checks it.</para>
/// <para><b>Time.</b> Callers pass <c>now</c> from their <see cref="TimeProvider"/>; stores never read a clock.</para>
/// </remarks>
public interface IFaxTrackingStore
{
    /// <summary>Creates or upgrades the store's schema: versioned, safe when several processes start at once, never destructive.</summary>
    /// <param name="cancellationToken">Cancels the migration.</param>
    /// <returns>A task that completes when the schema is current.</returns>
    Task MigrateAsync(CancellationToken cancellationToken = default);

    /// <summary>Adds jobs to track, due at <paramref name="dueAt"/>; a job already tracked is left as it is.</summary>
    /// <param name="jobs">The jobs.</param>
    /// <param name="dueAt">When the new jobs are first due.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>How many jobs were new.</returns>
    Task<int> AddAsync(IReadOnlyCollection<FaxJobReference> jobs, DateTimeOffset dueAt, CancellationToken cancellationToken = default);

    /// <summary>Stops tracking a job.</summary>
    /// <param name="job">The job.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>Whether it was tracked.</returns>
    Task<bool> RemoveAsync(FaxJobReference job, CancellationToken cancellationToken = default);

    /// <summary>Reads one tracked job.</summary>
    /// <param name="job">The job.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The job's record, or <see langword="null"/> when it is not tracked.</returns>
    Task<FaxTrackedJob?> GetAsync(FaxJobReference job, CancellationToken cancellationToken = default);

    /// <summary>Reads every tracked job, in a stable order (provider, instance, job id).</summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The records.</returns>
    IAsyncEnumerable<FaxTrackedJob> ListAsync(CancellationToken cancellationToken = default);

    /// <summary>Counts jobs by condition.</summary>
    /// <param name="now">The current time.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The counts.</returns>
    Task<FaxTrackingCounts> CountAsync(DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>
    /// Claims up to <paramref name="maxJobs"/> jobs that are not done, are due (<see cref="FaxTrackedJob.NextDueAt"/> at
    /// or before <paramref name="now"/>) and are not leased (or whose lease expired), earliest due first, and leases
    /// them to <paramref name="owner"/> until <c>now + leaseDuration</c>. Two workers never get the same job from
    /// overlapping claims.
    /// </summary>
    /// <param name="owner">The worker's name, unique among live workers.</param>
    /// <param name="now">The current time.</param>
    /// <param name="maxJobs">The most jobs to claim.</param>
    /// <param name="leaseDuration">How long the lease lasts.</param>
    /// <param name="cancellationToken">Cancels the claim.</param>
    /// <returns>The claimed jobs (with the new lease).</returns>
    Task<IReadOnlyList<FaxTrackedJob>> ClaimDueAsync(string owner, DateTimeOffset now, int maxJobs, TimeSpan leaseDuration, CancellationToken cancellationToken = default);

    /// <summary>
    /// Writes what a worker learned about jobs it claimed and releases their leases, in one batch. An outcome for a job
    /// whose lease <paramref name="owner"/> no longer holds is ignored; a stored final status is never replaced.
    /// </summary>
    /// <param name="owner">The worker that claimed the jobs.</param>
    /// <param name="outcomes">One outcome per job.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>The records as stored afterwards, for the outcomes that were applied.</returns>
    Task<IReadOnlyList<FaxTrackedJob>> CompleteClaimsAsync(string owner, IReadOnlyCollection<FaxTrackedJobOutcome> outcomes, CancellationToken cancellationToken = default);

    /// <summary>
    /// Writes statuses learned without a claim (a push, a report feed) for tracked jobs, in one batch, without touching
    /// leases. A stored final status is never replaced; a status equal to the stored one changes nothing; untracked
    /// jobs are ignored. A final status makes the job done; a non-final one leaves its schedule as it is.
    /// </summary>
    /// <param name="statuses">The statuses, each with its job.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>The previous and new record of every job whose status changed.</returns>
    Task<IReadOnlyList<(FaxTrackedJob? Previous, FaxTrackedJob Current)>> WriteStatusesAsync(IReadOnlyCollection<(FaxJobReference Job, FaxJobStatus Status)> statuses, CancellationToken cancellationToken = default);

    /// <summary>
    /// Claims up to <paramref name="maxJobs"/> final jobs whose completion is not handled and that are not leased (or
    /// whose lease expired), leasing them to <paramref name="owner"/>: the worker then runs the application's handler
    /// and calls <see cref="MarkCompletionsHandledAsync"/>. A worker that dies in between leaves the lease to expire,
    /// and the completion is delivered again.
    /// </summary>
    /// <param name="owner">The worker's name.</param>
    /// <param name="now">The current time.</param>
    /// <param name="maxJobs">The most jobs to claim.</param>
    /// <param name="leaseDuration">How long the lease lasts.</param>
    /// <param name="cancellationToken">Cancels the claim.</param>
    /// <returns>The claimed final jobs.</returns>
    Task<IReadOnlyList<FaxTrackedJob>> ClaimCompletionsAsync(string owner, DateTimeOffset now, int maxJobs, TimeSpan leaseDuration, CancellationToken cancellationToken = default);

    /// <summary>Marks completions handled and releases their leases; jobs whose lease <paramref name="owner"/> no longer holds are ignored.</summary>
    /// <param name="owner">The worker that claimed the completions.</param>
    /// <param name="jobs">The jobs whose handler ran.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>How many were marked.</returns>
    Task<int> MarkCompletionsHandledAsync(string owner, IReadOnlyCollection<FaxJobReference> jobs, CancellationToken cancellationToken = default);

    /// <summary>
    /// Takes or renews a named lease (for example one report-feed reader per provider instance): succeeds when the
    /// lease is free, expired, or already held by <paramref name="owner"/>.
    /// </summary>
    /// <param name="name">The lease's name.</param>
    /// <param name="owner">The worker's name.</param>
    /// <param name="now">The current time.</param>
    /// <param name="leaseDuration">How long the lease lasts from now.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>Whether <paramref name="owner"/> holds the lease now.</returns>
    Task<bool> TryAcquireLeaseAsync(string name, string owner, DateTimeOffset now, TimeSpan leaseDuration, CancellationToken cancellationToken = default);

    /// <summary>Releases a named lease if <paramref name="owner"/> holds it.</summary>
    /// <param name="name">The lease's name.</param>
    /// <param name="owner">The worker's name.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes when the lease is released.</returns>
    Task ReleaseLeaseAsync(string name, string owner, CancellationToken cancellationToken = default);
}
