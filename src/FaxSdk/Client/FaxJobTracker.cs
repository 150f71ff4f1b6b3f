using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace FaxSdk;

/// <summary>
/// Follows many outstanding jobs (thousands) until each is final: jobs of batch providers are read many per
/// request, jobs of feed providers come from the provider's report feed (acknowledged only after the update was
/// handed over, so nothing is lost), the others are polled one by one, each on its own backoff schedule. Every
/// change is raised as <see cref="JobChanged"/> (and <see cref="JobCompleted"/> when final) and written to
/// <see cref="Updates"/>. Time goes through the client's <see cref="FaxStatusClient.TimeProvider"/>.
/// </summary>
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
    /// <summary>How many complete feed reads may miss a handed-over job's report before the tracker stops looking for it.</summary>
    private const int MaxFeedReadsForPendingReport = 20;

    private readonly FaxStatusClient _client;
    private readonly FaxTrackerOptions _options;
    private readonly FaxPollingSchedule _schedule;
    private readonly ILogger _logger;
    private readonly Lock _lock = new();
    private readonly Dictionary<(string Provider, string Instance, string JobId), Entry> _entries = [];
    private readonly PriorityQueue<Entry, DateTimeOffset> _queue = new();
    private readonly Dictionary<(string Provider, string Instance), DateTimeOffset> _feeds = [];
    /// <summary>Per feed: ids of jobs handed over whose report is not deleted yet → feed reads since, that did not find it.</summary>
    private readonly Dictionary<(string Provider, string Instance), Dictionary<string, int>> _pendingAcknowledgements = [];
    private Channel<FaxJobUpdate>? _updates;
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
        _schedule = _options.Schedule ?? client.Options.Polling;
        _schedule.Validate();
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(_options.FeedInterval, TimeSpan.Zero, nameof(_options.FeedInterval));
        ArgumentOutOfRangeException.ThrowIfLessThan(_options.MaxJobsPerRound, 1, nameof(_options.MaxJobsPerRound));
        _logger = logger ?? Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;
    }

    /// <summary>Raised for each change of a tracked job (its first status included), on the thread running <see cref="RunAsync"/>.
    /// An exception thrown by a handler ends <see cref="RunAsync"/> (reports not yet acknowledged stay on the provider).</summary>
    public event EventHandler<FaxJobUpdate>? JobChanged;

    /// <summary>Raised once when a tracked job becomes final, after <see cref="JobChanged"/>; the tracker then stops following it.</summary>
    public event EventHandler<FaxJobUpdate>? JobCompleted;

    /// <summary>Raised when a poll or a feed read fails; the tracker tries again later with backoff.</summary>
    public event EventHandler<FaxPollFailure>? PollFailed;

    /// <summary>
    /// Every update of the current (or next) run, as a channel for consumers that prefer reading to events. Created on
    /// first access (get it before <see cref="RunAsync"/> to receive every update); unbounded; completed when that run
    /// ends, after which the next access gives a new channel for the next run.
    /// </summary>
    public ChannelReader<FaxJobUpdate> Updates
    {
        get
        {
            lock (_lock)
            {
                _updates ??= Channel.CreateUnbounded<FaxJobUpdate>(new UnboundedChannelOptions { SingleWriter = true });
                return _updates.Reader;
            }
        }
    }

    /// <summary>How many jobs are being followed (final jobs are dropped).</summary>
    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _entries.Count;
            }
        }
    }

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
        lock (_lock)
        {
            var key = (job.Provider, job.Instance, job.JobId);
            if (_entries.ContainsKey(key))
            {
                return false;
            }

            var entry = new Entry(job, viaFeed) { Due = now };
            _entries.Add(key, entry);
            _queue.Enqueue(entry, now);
            if (viaFeed)
            {
                _feeds.TryAdd((job.Provider, job.Instance), now);
            }
        }

        _wake.TrySetResult();
        return true;
    }

    /// <summary>Starts following several jobs.</summary>
    /// <param name="jobs">The jobs.</param>
    /// <returns>How many were not tracked yet.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="jobs"/> is <see langword="null"/>.</exception>
    public int Track(IEnumerable<FaxJobReference> jobs)
    {
        ArgumentNullException.ThrowIfNull(jobs);
        return jobs.Count(Track);
    }

    /// <summary>Stops following a job.</summary>
    /// <param name="job">The job.</param>
    /// <returns><see langword="true"/> when it was tracked.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="job"/> is <see langword="null"/>.</exception>
    public bool Untrack(FaxJobReference job)
    {
        ArgumentNullException.ThrowIfNull(job);
        lock (_lock)
        {
            if (!_entries.Remove((job.Provider, job.Instance, job.JobId), out var entry))
            {
                return false;
            }

            entry.Removed = true;
            return true;
        }
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

        try
        {
            var finalSweepDone = false;
            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (_options.StopWhenAllCompleted && Count == 0)
                {
                    // Reports of jobs that finished through a poll are still on the provider: one last read deletes them.
                    var sweep = finalSweepDone ? [] : FeedsWithPendingAcknowledgements();
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
                var feedsDue = FeedsDue(now);
                foreach (var feed in feedsDue)
                {
                    await ReadFeedAsync(feed, cancellationToken).ConfigureAwait(false);
                }

                var due = JobsDue(now);
                if (due.Count > 0)
                {
                    var applied = 0;
                    try
                    {
                        var results = await _client.GetStatusesAsync(due.Select(e => e.Job), cancellationToken).ConfigureAwait(false);
                        for (; applied < due.Count; applied++)
                        {
                            Apply(due[applied], results[applied]);
                        }
                    }
                    finally
                    {
                        // A cancelled round or a throwing handler leaves the rest due again: no job is stranded.
                        foreach (var entry in due.Skip(applied))
                        {
                            Reschedule(entry, now);
                        }
                    }
                }
                else if (feedsDue.Count == 0)
                {
                    await SleepAsync(now, cancellationToken).ConfigureAwait(false);
                }
            }
        }
        finally
        {
            lock (_lock)
            {
                // Each run completes its own channel; the next access to Updates starts a fresh one for the next run.
                _updates?.Writer.TryComplete();
                _updates = null;
            }

            Volatile.Write(ref _running, 0);
        }
    }

    private List<(string Provider, string Instance)> FeedsDue(DateTimeOffset now)
    {
        lock (_lock)
        {
            return [.. _feeds.Where(f => f.Value <= now).Select(f => f.Key)];
        }
    }

    private List<(string Provider, string Instance)> FeedsWithPendingAcknowledgements()
    {
        lock (_lock)
        {
            return [.. _pendingAcknowledgements.Where(p => p.Value.Count > 0).Select(p => p.Key)];
        }
    }

    private List<Entry> JobsDue(DateTimeOffset now)
    {
        var due = new List<Entry>();
        lock (_lock)
        {
            while (due.Count < _options.MaxJobsPerRound && _queue.TryPeek(out var entry, out var at) && at <= now)
            {
                _queue.Dequeue();
                if (!entry.Removed && entry.Due == at)
                {
                    due.Add(entry);
                }
            }
        }

        return due;
    }

    private async Task SleepAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        Task wake;
        DateTimeOffset? next = null;
        lock (_lock)
        {
            if (_wake.Task.IsCompleted)
            {
                _wake = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                return;
            }

            wake = _wake.Task;
            while (_queue.TryPeek(out var entry, out var at) && (entry.Removed || entry.Due != at))
            {
                _queue.Dequeue();
            }

            if (_queue.TryPeek(out _, out var first))
            {
                next = first;
            }

            foreach (var feed in _feeds.Values)
            {
                next = next is null || feed < next ? feed : next;
            }
        }

        if (next is null && _options.StopWhenAllCompleted && Count == 0)
        {
            return;
        }

        using var sleep = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var delay = next is { } at2 ? at2 - now : Timeout.InfiniteTimeSpan;
        var timer = delay == Timeout.InfiniteTimeSpan
            ? Task.Delay(Timeout.InfiniteTimeSpan, sleep.Token)
            : Task.Delay(delay > TimeSpan.Zero ? delay : TimeSpan.Zero, _client.TimeProvider, sleep.Token);
        await Task.WhenAny(timer, wake).ConfigureAwait(false);
        await sleep.CancelAsync().ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
    }

    private void Apply(Entry entry, FaxJobStatusResult result)
    {
        var now = _client.TimeProvider.GetUtcNow();
        if (result.Status is not { } status)
        {
            var error = result.Error!;
            entry.Failures++;
            entry.Interval = FaxStatusClient.IsTransient(error) ? _schedule.Grow(entry.Interval) : _schedule.MaximumInterval;
            var delay = FaxStatusClient.DelayAfterError(_schedule, entry.Interval, error);
            Log.PollFailed(_logger, entry.Job.ToString(), error.GetType().Name, entry.Failures, delay);
            Reschedule(entry, now + delay);
            PollFailed?.Invoke(this, new FaxPollFailure { Provider = entry.Job.Provider, Instance = entry.Job.Instance, Job = entry.Job, Error = error, ConsecutiveFailures = entry.Failures });
            return;
        }

        entry.Failures = 0;
        var changed = FaxStatusChange.IsChange(entry.Last, status);
        if (!status.IsTerminal)
        {
            entry.Interval = entry.ViaFeed ? _schedule.MaximumInterval : changed ? _schedule.MinimumInterval : _schedule.Grow(entry.Interval);
            Reschedule(entry, now + _schedule.Jittered(entry.Interval, Random.Shared.NextDouble()));
            if (changed)
            {
                Publish(entry, status);
            }

            return;
        }

        // Final: hand the update over first, and only then stop following the job. A handler that throws leaves the job
        // tracked (and its report on the provider), so the next run delivers it again: at least once, never lost.
        if (changed)
        {
            Publish(entry, status);
        }

        lock (_lock)
        {
            _entries.Remove((entry.Job.Provider, entry.Job.Instance, entry.Job.JobId));
            entry.Removed = true;
            if (entry.ViaFeed)
            {
                // Handed over: its report (read now, or still to come if the job finished through a poll) is deleted
                // at the next feed read that finds it, and only after that deletion succeeded does it leave this list.
                var key = (entry.Job.Provider, entry.Job.Instance);
                if (!_pendingAcknowledgements.TryGetValue(key, out var ids))
                {
                    _pendingAcknowledgements[key] = ids = [];
                }

                ids[entry.Job.JobId] = 0;
            }
        }
    }

    private void Reschedule(Entry entry, DateTimeOffset due)
    {
        lock (_lock)
        {
            if (entry.Removed)
            {
                return;
            }

            entry.Due = due;
            _queue.Enqueue(entry, due);
        }
    }

    private void Publish(Entry entry, FaxJobStatus status)
    {
        var update = new FaxJobUpdate { Job = entry.Job, Status = status, Previous = entry.Last };
        _client.OnStateObserved(entry.Job, entry.Last?.State, status.State);
        lock (_lock)
        {
            _updates?.Writer.TryWrite(update);
        }

        JobChanged?.Invoke(this, update);
        if (status.IsTerminal)
        {
            JobCompleted?.Invoke(this, update);
        }

        // Only once every handler returned: a handler that throws sees the same update again.
        entry.Last = status;
    }

    private async Task ReadFeedAsync((string Provider, string Instance) key, CancellationToken cancellationToken)
    {
        var feed = (IFaxReportFeedProvider)_client.Providers.GetProvider(key.Provider, key.Instance);
        var acknowledge = new List<FaxReport>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var completed = false;
        try
        {
            await foreach (var report in feed.ReadReportsAsync(cancellationToken).ConfigureAwait(false))
            {
                var jobId = report.Status.JobId;
                seen.Add(jobId);
                Entry? entry;
                bool pending;
                lock (_lock)
                {
                    _entries.TryGetValue((key.Provider, key.Instance, jobId), out entry);
                    pending = _pendingAcknowledgements.TryGetValue(key, out var ids) && ids.ContainsKey(jobId);
                }

                if (entry is not null)
                {
                    // Through the client's memory of final statuses: once reported final here, never non-final there.
                    Apply(entry, new FaxJobStatusResult { Job = entry.Job, Status = _client.RememberFinal(entry.Job, report.Status) });
                    acknowledge.Add(report);
                }
                else if (pending || _options.AcknowledgeUntrackedReports)
                {
                    acknowledge.Add(report);
                }
            }

            completed = true;
        }
        catch (FaxSdkException exception) when (!cancellationToken.IsCancellationRequested)
        {
            Log.FeedFailed(_logger, key.Provider, key.Instance, exception.GetType().Name);
            PollFailed?.Invoke(this, new FaxPollFailure { Provider = key.Provider, Instance = key.Instance, Error = exception, ConsecutiveFailures = 1 });
        }
        finally
        {
            lock (_lock)
            {
                if (completed && _pendingAcknowledgements.TryGetValue(key, out var ids))
                {
                    // A report another reader consumed never comes back: stop waiting for it after a while.
                    foreach (var id in ids.Keys.Where(id => !seen.Contains(id)).ToList())
                    {
                        if (++ids[id] > MaxFeedReadsForPendingReport)
                        {
                            ids.Remove(id);
                        }
                    }
                }

                var stillFollowed = _entries.Keys.Any(k => k.Provider == key.Provider && k.Instance == key.Instance) ||
                    (_pendingAcknowledgements.TryGetValue(key, out var left) && left.Count > 0);
                if (stillFollowed)
                {
                    _feeds[key] = _client.TimeProvider.GetUtcNow() + _options.FeedInterval;
                }
                else
                {
                    _feeds.Remove(key);
                }
            }
        }

        if (acknowledge.Count > 0)
        {
            await AcknowledgeAsync(feed, key, acknowledge, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task AcknowledgeAsync(IFaxReportFeedProvider feed, (string Provider, string Instance) key, List<FaxReport> reports, CancellationToken cancellationToken)
    {
        try
        {
            await feed.AcknowledgeAsync(reports, cancellationToken).ConfigureAwait(false);
            lock (_lock)
            {
                if (_pendingAcknowledgements.TryGetValue(key, out var ids))
                {
                    foreach (var report in reports)
                    {
                        ids.Remove(report.Status.JobId);
                    }
                }
            }
        }
        catch (FaxSdkException exception) when (!cancellationToken.IsCancellationRequested)
        {
            // The reports stay on the provider and their ids on the pending list: the next read deletes them.
            Log.AcknowledgeFailed(_logger, reports.Count, key.Provider, key.Instance, exception.GetType().Name);
            lock (_lock)
            {
                _feeds[key] = _client.TimeProvider.GetUtcNow() + _options.FeedInterval;
            }

            PollFailed?.Invoke(this, new FaxPollFailure { Provider = key.Provider, Instance = key.Instance, Error = exception, ConsecutiveFailures = 1 });
        }
    }

    private sealed class Entry(FaxJobReference job, bool viaFeed)
    {
        public FaxJobReference Job { get; } = job;

        public bool ViaFeed { get; } = viaFeed;

        public FaxJobStatus? Last { get; set; }

        public TimeSpan Interval { get; set; }

        public DateTimeOffset Due { get; set; }

        public int Failures { get; set; }

        public bool Removed { get; set; }
    }
}
