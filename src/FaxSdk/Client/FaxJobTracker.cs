using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace FaxSdk;

/// <summary>
/// Follows many outstanding jobs (thousands) in this process until each is final: jobs of batch providers are read many
/// per request, jobs of feed providers come from the provider's report feed (acknowledged only after the update was
/// handed over, so nothing is lost), the others are polled one by one, each on its own backoff schedule. Statuses pushed
/// to <see cref="FaxStatusClient.Pushes"/> are applied like polls while the tracker runs, and jobs whose provider
/// instance pushes to this process are polled only as a slow safety net (<see cref="FaxTrackerOptions.PushSafetyNetInterval"/>).
/// Every change is raised as <see cref="JobChanged"/> (and <see cref="JobCompleted"/> when final) and written to
/// <see cref="Updates"/>. Time goes through the client's <see cref="FaxStatusClient.TimeProvider"/>.
/// </summary>
/// <remarks>
/// The tracker keeps its jobs in a <see cref="FaxInMemoryTrackingStore"/>, so they are lost when the process ends; to
/// survive restarts or share the work between processes use <see cref="FaxTrackingWorker"/> over a persistent store
/// (docs/tracking.md). Failed polls follow <see cref="FaxPollErrorPolicy"/>: a job the provider keeps answering "not
/// found" is given up, raised once as <see cref="JobAbandoned"/>.
/// </remarks>
/// <example>
/// <code>
/// var tracker = client.CreateTracker(new FaxTrackerOptions { StopWhenAllCompleted = true });
/// tracker.JobCompleted += (_, update) => Console.WriteLine($"{update.Job}: {update.Status.State}");
/// tracker.Track(jobs);
/// await tracker.RunAsync(cancellationToken);
/// </code>
/// </example>
public sealed class FaxJobTracker
{
    /// <summary>The in-memory store's lease owner: one tracker, one owner.</summary>
    private const string Owner = "tracker";

    /// <summary>Claims last for the round; a round that ends early gives its jobs back explicitly.</summary>
    private static readonly TimeSpan RoundLease = TimeSpan.FromDays(365);

    private readonly FaxStatusClient _client;
    private readonly FaxTrackerOptions _options;
    private readonly FaxTrackedJobPlanner _planner;
    private readonly FaxUpdatePublisher _publisher;
    private readonly ILogger _logger;
    private readonly FaxInMemoryTrackingStore _store = new();
    private readonly ConcurrentDictionary<(string Provider, string Instance), FaxReportFeedSession> _feeds = new();
    private readonly ConcurrentQueue<FaxJobUpdate> _pushed = new();
    private readonly Lock _lock = new();
    private TaskCompletionSource _wake = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _running;

    /// <summary>Creates a tracker over a client.</summary>
    /// <param name="client">The client the jobs are read through.</param>
    /// <param name="options">How to follow the jobs; defaults when <see langword="null"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="client"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public FaxJobTracker(FaxStatusClient client, FaxTrackerOptions? options = null)
        : this(client, options, null)
    {
    }

    internal FaxJobTracker(FaxStatusClient client, FaxTrackerOptions? options, ILogger? logger)
    {
        ArgumentNullException.ThrowIfNull(client);
        _client = client;
        _options = options ?? new FaxTrackerOptions();
        _options.Validate();
        var schedule = _options.Schedule ?? client.Options.Polling;
        schedule.Validate();
        var policy = _options.ErrorPolicy ?? client.Options.ErrorPolicy;
        policy.Validate();
        _planner = new FaxTrackedJobPlanner(client, schedule, policy, _options.PushSafetyNetInterval);
        _publisher = new FaxUpdatePublisher(this, client);
        _logger = logger ?? Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;
    }

    /// <summary>Raised for each change of a tracked job (its first status included), on the thread running <see cref="RunAsync"/>.
    /// An exception thrown by a handler ends <see cref="RunAsync"/> (reports not yet acknowledged stay on the provider).</summary>
    public event EventHandler<FaxJobUpdate>? JobChanged
    {
        add => _publisher.JobChanged += value;
        remove => _publisher.JobChanged -= value;
    }

    /// <summary>Raised once when a tracked job becomes final, after <see cref="JobChanged"/>; the tracker then stops following it.</summary>
    public event EventHandler<FaxJobUpdate>? JobCompleted
    {
        add => _publisher.JobCompleted += value;
        remove => _publisher.JobCompleted -= value;
    }

    /// <summary>Raised when a poll or a feed read fails; the tracker tries again later with backoff (<see cref="FaxPollErrorPolicy"/>).</summary>
    public event EventHandler<FaxPollFailure>? PollFailed
    {
        add => _publisher.PollFailed += value;
        remove => _publisher.PollFailed -= value;
    }

    /// <summary>
    /// Raised once when a job is given up without a final status (the provider answered "job not found"
    /// <see cref="FaxPollErrorPolicy.MaxNotFoundPolls"/> times in a row), after its last <see cref="PollFailed"/>; the
    /// tracker then stops following it.
    /// </summary>
    public event EventHandler<FaxPollFailure>? JobAbandoned
    {
        add => _publisher.JobAbandoned += value;
        remove => _publisher.JobAbandoned -= value;
    }

    /// <summary>
    /// Every update of the current (or next) run, as a channel for consumers that prefer reading to events. Created on
    /// first access (get it before <see cref="RunAsync"/> to receive every update); unbounded; completed when that run
    /// ends, after which the next access gives a new channel for the next run.
    /// </summary>
    public ChannelReader<FaxJobUpdate> Updates => _publisher.Updates;

    /// <summary>How many jobs are being followed (final and abandoned jobs are dropped).</summary>
    public int Count => _store.CountNotDone();

    /// <summary>Starts following a job; its first poll is due at once.</summary>
    /// <param name="job">The job.</param>
    /// <returns><see langword="false"/> when the job was already tracked.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="job"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidOperationException">No provider instance is configured for the job.</exception>
    public bool Track(FaxJobReference job)
    {
        ArgumentNullException.ThrowIfNull(job);
        var viaFeed = _client.Providers.GetProvider(job.Provider, job.Instance) is IFaxReportFeedProvider;
        var now = _client.TimeProvider.GetUtcNow();
        if (!_store.Add(job, now))
        {
            return false;
        }

        if (viaFeed)
        {
            Feed(job.Provider, job.Instance).NextReadAt = now;
        }

        Wake();
        return true;
    }

    /// <summary>Starts following several jobs.</summary>
    /// <param name="jobs">The jobs.</param>
    /// <returns>How many were not tracked yet.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="jobs"/> is <see langword="null"/>.</exception>
    public int Track(IEnumerable<FaxJobReference> jobs)
    {
        ArgumentNullException.ThrowIfNull(jobs);
        if (jobs.TryGetNonEnumeratedCount(out var count))
        {
            // One table of the right size, not a chain of doublings (large-object-heap arrays) while a million jobs arrive.
            _store.EnsureCapacity(count);
        }

        return jobs.Count(Track);
    }

    /// <summary>Stops following a job.</summary>
    /// <param name="job">The job.</param>
    /// <returns><see langword="true"/> when it was tracked.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="job"/> is <see langword="null"/>.</exception>
    public bool Untrack(FaxJobReference job)
    {
        ArgumentNullException.ThrowIfNull(job);
        return _store.Remove(job);
    }

    /// <summary>
    /// Follows the tracked jobs until <paramref name="cancellationToken"/> is cancelled or, with
    /// <see cref="FaxTrackerOptions.StopWhenAllCompleted"/>, until every tracked job is final. One run at a time.
    /// </summary>
    /// <param name="cancellationToken">Stops the tracker.</param>
    /// <returns>A task that completes when the tracker stops.</returns>
    /// <exception cref="InvalidOperationException">The tracker is already running.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async Task RunAsync(CancellationToken cancellationToken = default)
    {
        if (Interlocked.Exchange(ref _running, 1) == 1)
        {
            throw new InvalidOperationException("The tracker is already running.");
        }

        var pushes = _client.Pushes;
        if (pushes is not null)
        {
            pushes.StatusPushed += OnStatusPushed;
        }

        try
        {
            var finalSweepDone = false;
            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                ApplyPushes();
                if (_options.StopWhenAllCompleted && Count == 0)
                {
                    // Reports of jobs that finished through a poll are still on the provider: one last read deletes them.
                    var sweep = finalSweepDone ? [] : _feeds.Values.Where(f => f.HasPendingAcknowledgements).ToList();
                    if (sweep.Count == 0)
                    {
                        return;
                    }

                    finalSweepDone = true;
                    foreach (var feed in sweep)
                    {
                        await ReadFeedAsync(feed, cancellationToken).ConfigureAwait(false);
                    }

                    continue;
                }

                var now = _client.TimeProvider.GetUtcNow();
                var feedsDue = _feeds.Values.Where(f => f.NextReadAt <= now).ToList();
                foreach (var feed in feedsDue)
                {
                    await ReadFeedAsync(feed, cancellationToken).ConfigureAwait(false);
                }

                var due = await _store.ClaimDueAsync(Owner, now, _options.MaxJobsPerRound, RoundLease, cancellationToken).ConfigureAwait(false);
                if (due.Count > 0)
                {
                    await PollAsync(due, now, cancellationToken).ConfigureAwait(false);
                }
                else if (feedsDue.Count == 0)
                {
                    await SleepAsync(now, cancellationToken).ConfigureAwait(false);
                }
            }
        }
        finally
        {
            if (pushes is not null)
            {
                pushes.StatusPushed -= OnStatusPushed;
            }

            // Each run completes its own channel; the next access to Updates starts a fresh one for the next run.
            _publisher.CompleteRun();
            Volatile.Write(ref _running, 0);
        }
    }

    private async Task PollAsync(IReadOnlyList<FaxTrackedJob> due, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var applied = 0;
        try
        {
            var results = await _client.GetStatusesAsync(due.Select(j => j.Job), cancellationToken).ConfigureAwait(false);
            for (; applied < due.Count; applied++)
            {
                Apply(due[applied], results[applied]);
            }
        }
        finally
        {
            // A cancelled round or a throwing handler leaves the rest due again: no job is stranded.
            var rest = due.Skip(applied).Select(j => FaxTrackedJobPlanner.Unchanged(j, now)).ToList();
            if (rest.Count > 0)
            {
                await _store.CompleteClaimsAsync(Owner, rest, CancellationToken.None).ConfigureAwait(false);
            }
        }
    }

    private void Apply(FaxTrackedJob claimed, FaxJobStatusResult result)
    {
        var now = _client.TimeProvider.GetUtcNow();
        var outcome = _planner.Plan(claimed, result, now, out var failure);
        if (failure is { } decision)
        {
            var error = result.Error!;
            var report = new FaxPollFailure { Provider = claimed.Job.Provider, Instance = claimed.Job.Instance, Job = claimed.Job, Error = error, ConsecutiveFailures = decision.ConsecutiveErrors };
            Log.PollFailed(_logger, claimed.Job, error, decision.ConsecutiveErrors, outcome.NextDueAt - now);
            if (decision.Abandon)
            {
                _store.Remove(claimed.Job);
                Log.JobAbandoned(_logger, claimed.Job, decision.ConsecutiveErrors);
                _publisher.Failed(report);
                _publisher.Abandoned(report);
                return;
            }

            Complete(outcome);
            _publisher.Failed(report);
            return;
        }

        // Hand the update over first, and only then store it: a handler that throws leaves the job as it was (and its
        // report on the provider), so the next round delivers it again: at least once, never lost.
        var status = outcome.Status!;
        if (FaxStatusChange.IsChange(claimed.Status, status))
        {
            _publisher.Publish(new FaxJobUpdate { Job = claimed.Job, Status = status, Previous = claimed.Status });
        }

        if (status.IsTerminal)
        {
            Finish(claimed.Job);
        }
        else
        {
            Complete(outcome);
        }
    }

    /// <summary>Applies a status that arrived without a poll (a push, a feed report) to a tracked job.</summary>
    /// <returns>Whether the job is tracked (or was, and is done).</returns>
    private bool ApplyObserved(FaxJobReference job, FaxJobStatus status)
    {
        if (_store.Get(job) is not { } record)
        {
            return false;
        }

        if (record.IsDone || !FaxStatusChange.IsChange(record.Status, status))
        {
            return true;
        }

        _publisher.Publish(new FaxJobUpdate { Job = record.Job, Status = status, Previous = record.Status });
        if (status.IsTerminal)
        {
            Finish(record.Job);
        }
        else
        {
            _store.WriteStatusesAsync([(record.Job, status)]).GetAwaiter().GetResult();
        }

        return true;
    }

    private void Complete(FaxTrackedJobOutcome outcome) => _store.CompleteClaimsAsync(Owner, [outcome]).GetAwaiter().GetResult();

    /// <summary>Stops following a final job; a feed job's report is deleted when the feed is next read.</summary>
    private void Finish(FaxJobReference job)
    {
        _store.Remove(job);
        if (_feeds.TryGetValue((job.Provider, job.Instance), out var feed))
        {
            feed.ExpectAcknowledgement(job.JobId);
        }
    }

    private void OnStatusPushed(object? sender, FaxJobUpdate update)
    {
        if (_store.Get(update.Job) is { IsDone: false })
        {
            _pushed.Enqueue(update);
            Wake();
        }
    }

    /// <summary>Applies pushed statuses on the run's thread, like poll results; one whose handler throws stays queued.</summary>
    private void ApplyPushes()
    {
        while (_pushed.TryPeek(out var update))
        {
            ApplyObserved(update.Job, update.Status);
            _pushed.TryDequeue(out _);
        }
    }

    private async Task ReadFeedAsync(FaxReportFeedSession feed, CancellationToken cancellationToken)
    {
        try
        {
            await feed.ReadAsync((reports, _) =>
            {
                var stored = new bool[reports.Count];
                for (var i = 0; i < reports.Count; i++)
                {
                    var job = new FaxJobReference(feed.Provider, reports[i].Status.JobId, feed.Instance);
                    // Through the client's memory of final statuses: once reported final here, never non-final there.
                    stored[i] = _store.Get(job) is { } record && ApplyObserved(record.Job, _client.RememberFinal(record.Job, reports[i].Status));
                }

                return Task.FromResult<IReadOnlyList<bool>>(stored);
            }, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            if (_store.HasUnfinished(feed.Provider, feed.Instance) || feed.HasPendingAcknowledgements)
            {
                feed.NextReadAt = _client.TimeProvider.GetUtcNow() + _options.FeedInterval;
            }
            else
            {
                feed.NextReadAt = DateTimeOffset.MaxValue;
            }
        }
    }

    private FaxReportFeedSession Feed(string provider, string instance) => _feeds.GetOrAdd((provider, instance), key =>
        new FaxReportFeedSession((IFaxReportFeedProvider)_client.Providers.GetProvider(key.Provider, key.Instance), key.Provider, key.Instance,
            _options.AcknowledgeUntrackedReports, _publisher, _logger));

    private void Wake()
    {
        lock (_lock)
        {
            _wake.TrySetResult();
        }
    }

    private async Task SleepAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        Task wake;
        lock (_lock)
        {
            if (_wake.Task.IsCompleted)
            {
                _wake = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                return;
            }

            wake = _wake.Task;
        }

        DateTimeOffset? next = _store.NextClaimableAt();
        foreach (var feed in _feeds.Values)
        {
            next = feed.NextReadAt != DateTimeOffset.MaxValue && (next is null || feed.NextReadAt < next) ? feed.NextReadAt : next;
        }

        if (next is null && _options.StopWhenAllCompleted && Count == 0)
        {
            return;
        }

        using var sleep = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var delay = next is { } at ? at - now : Timeout.InfiniteTimeSpan;
        var timer = delay == Timeout.InfiniteTimeSpan
            ? Task.Delay(Timeout.InfiniteTimeSpan, sleep.Token)
            : Task.Delay(delay > TimeSpan.Zero ? delay : TimeSpan.Zero, _client.TimeProvider, sleep.Token);
        await Task.WhenAny(timer, wake).ConfigureAwait(false);
        await sleep.CancelAsync().ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
    }
}
