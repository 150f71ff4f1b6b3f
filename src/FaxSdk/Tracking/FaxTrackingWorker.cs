using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace FaxSdk;

/// <summary>
/// Follows the jobs of a shared tracking store (<see cref="IFaxTrackingStore"/>) together with any number of other
/// workers, in this or other processes: it claims due jobs in batches under a lease, polls them (batched where the
/// provider allows), writes what it read in one batch, publishes the changes, and delivers completions to the
/// application's <see cref="IFaxJobCompletionHandler"/>s at least once. Report feeds are read by one worker at a time
/// under a named lease; pushed statuses (<see cref="FaxStatusClient.Pushes"/>) are written into the store.
/// </summary>
/// <remarks>
/// <para>Usable without hosting: create it over a client and a store and call <see cref="RunAsync"/> (migrate the store
/// first: <see cref="IFaxTrackingStore.MigrateAsync"/>). <c>services.AddFaxSdk().AddTracking(…)</c> runs one as a hosted service.</para>
/// <para>Delivery: a final status is written once and never replaced. <see cref="JobCompleted"/> is raised by the
/// worker that stored it (after it is stored); completion handlers run for every final job, at least once, and the job
/// is marked handled only after they all returned: a handler that throws, or a worker that dies in between, leaves the
/// completion to be delivered again once its lease (<see cref="FaxTrackingOptions.LeaseDuration"/>) expires.</para>
/// <para>Events are raised on the thread running <see cref="RunAsync"/>; an exception a handler of an event throws is
/// logged and does not stop the worker (the status is already stored).</para>
/// </remarks>
public sealed class FaxTrackingWorker
{
    private readonly FaxStatusClient _client;
    private readonly IFaxTrackingStore _store;
    private readonly FaxTrackingOptions _options;
    private readonly IReadOnlyList<IFaxJobCompletionHandler> _handlers;
    private readonly ILogger _logger;
    private readonly FaxTrackedJobPlanner _planner;
    private readonly FaxUpdatePublisher _publisher;
    private readonly Dictionary<(string Provider, string Instance), FaxReportFeedSession> _feeds = [];
    private readonly HashSet<(string Provider, string Instance)> _configured = [];
    private readonly ConcurrentQueue<FaxJobUpdate> _pushed = new();
    private readonly Lock _lock = new();
    private TaskCompletionSource _wake = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _running;
    private DateTimeOffset _countedAt = DateTimeOffset.MinValue;

    /// <summary>How often an idle worker that runs until cancelled counts the store for the tracking gauges.</summary>
    private static readonly TimeSpan CountInterval = TimeSpan.FromSeconds(15);

    /// <summary>Creates a worker.</summary>
    /// <param name="client">The client the jobs are read through.</param>
    /// <param name="store">The shared store.</param>
    /// <param name="options">How to share it; defaults when <see langword="null"/>.</param>
    /// <param name="handlers">The application's completion handlers, run in order for each final job; none when <see langword="null"/>.</param>
    /// <param name="logger">Where the worker logs; nothing when <see langword="null"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="client"/> or <paramref name="store"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">An option is out of range.</exception>
    public FaxTrackingWorker(FaxStatusClient client, IFaxTrackingStore store, FaxTrackingOptions? options = null, IEnumerable<IFaxJobCompletionHandler>? handlers = null, ILogger<FaxTrackingWorker>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(store);
        _client = client;
        _store = store;
        _options = options ?? new FaxTrackingOptions();
        _options.Validate();
        _handlers = handlers?.ToList() ?? [];
        _logger = logger ?? (ILogger)NullLogger.Instance;
        _planner = new FaxTrackedJobPlanner(client, _options.Schedule ?? client.Options.Polling, _options.ErrorPolicy ?? client.Options.ErrorPolicy, _options.PushSafetyNetInterval);
        _publisher = new FaxUpdatePublisher(this, client);
        foreach (var registration in client.Providers.Registrations)
        {
            _configured.Add((registration.ProviderId, registration.InstanceName));
            if (client.Providers.GetProvider(registration.ProviderId, registration.InstanceName) is IFaxReportFeedProvider feed)
            {
                _feeds[(registration.ProviderId, registration.InstanceName)] = new FaxReportFeedSession(feed, registration.ProviderId, registration.InstanceName,
                    _options.AcknowledgeUntrackedReports, _publisher, _logger);
            }
        }
    }

    /// <summary>The worker's name: the owner of its leases.</summary>
    public string Name => _options.WorkerName;

    /// <summary>Raised for each change this worker stored (a poll, a feed report or a push).</summary>
    public event EventHandler<FaxJobUpdate>? JobChanged
    {
        add => _publisher.JobChanged += value;
        remove => _publisher.JobChanged -= value;
    }

    /// <summary>Raised when this worker stored a job's final status, after <see cref="JobChanged"/>. Across workers a final
    /// status is stored once; for durable handling use <see cref="IFaxJobCompletionHandler"/> (at least once).</summary>
    public event EventHandler<FaxJobUpdate>? JobCompleted
    {
        add => _publisher.JobCompleted += value;
        remove => _publisher.JobCompleted -= value;
    }

    /// <summary>Raised when a poll or a feed read fails; the job is polled again later (<see cref="FaxPollErrorPolicy"/>).</summary>
    public event EventHandler<FaxPollFailure>? PollFailed
    {
        add => _publisher.PollFailed += value;
        remove => _publisher.PollFailed -= value;
    }

    /// <summary>Raised once when this worker gave a job up (<see cref="FaxPollErrorPolicy.MaxNotFoundPolls"/> misses in a row; <see cref="FaxTrackedJob.IsAbandoned"/>).</summary>
    public event EventHandler<FaxPollFailure>? JobAbandoned
    {
        add => _publisher.JobAbandoned += value;
        remove => _publisher.JobAbandoned -= value;
    }

    /// <summary>
    /// Works until <paramref name="cancellationToken"/> is cancelled or, with <see cref="FaxTrackingOptions.StopWhenIdle"/>,
    /// until the store holds no unfinished job and no undelivered completion. A failing store is logged and tried again
    /// after <see cref="FaxTrackingOptions.IdleDelay"/>. One run at a time.
    /// </summary>
    /// <param name="cancellationToken">Stops the worker (its leases expire; nothing is lost).</param>
    /// <returns>A task that completes when the worker stops.</returns>
    /// <exception cref="InvalidOperationException">The worker is already running.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async Task RunAsync(CancellationToken cancellationToken = default)
    {
        if (Interlocked.Exchange(ref _running, 1) == 1)
        {
            throw new InvalidOperationException("The worker is already running.");
        }

        var pushes = _client.Pushes;
        if (pushes is not null)
        {
            pushes.StatusPushed += OnStatusPushed;
        }

        Log.WorkerStarted(_logger, Name);
        try
        {
            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                try
                {
                    if (await RunOnceAsync(cancellationToken).ConfigureAwait(false))
                    {
                        continue;
                    }

                    if (await IsIdleAsync(cancellationToken).ConfigureAwait(false) && _options.StopWhenIdle)
                    {
                        return;
                    }
                }
                catch (Exception exception) when (!cancellationToken.IsCancellationRequested && exception is not OutOfMemoryException)
                {
                    Log.WorkerPassFailed(_logger, Name, exception.GetType().Name, _options.IdleDelay);
                }

                await SleepAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            if (pushes is not null)
            {
                pushes.StatusPushed -= OnStatusPushed;
            }

            foreach (var feed in _feeds.Values)
            {
                await ReleaseQuietlyAsync(feed.LeaseName).ConfigureAwait(false);
            }

            _publisher.CompleteRun();
            Log.WorkerStopped(_logger, Name);
            Volatile.Write(ref _running, 0);
        }
    }

    /// <summary>One pass: pushed statuses, due report feeds, one batch of due jobs, one batch of completions.</summary>
    /// <returns>Whether anything was done (then the next pass starts at once).</returns>
    internal async Task<bool> RunOnceAsync(CancellationToken cancellationToken)
    {
        var worked = await WritePushesAsync(cancellationToken).ConfigureAwait(false);
        worked |= await ReadFeedsAsync(cancellationToken).ConfigureAwait(false);
        worked |= await PollDueAsync(cancellationToken).ConfigureAwait(false);
        worked |= await DeliverCompletionsAsync(cancellationToken).ConfigureAwait(false);
        return worked;
    }

    private async Task<bool> PollDueAsync(CancellationToken cancellationToken)
    {
        var now = _client.TimeProvider.GetUtcNow();
        var claimed = await _store.ClaimDueAsync(Name, now, _options.BatchSize, _options.LeaseDuration, cancellationToken).ConfigureAwait(false);
        if (claimed.Count == 0)
        {
            return false;
        }

        // Jobs of provider instances this process does not know are given back for a worker that does.
        var known = claimed.Where(IsConfigured).ToList();
        var outcomes = claimed.Where(j => !IsConfigured(j)).Select(j => FaxTrackedJobPlanner.Unchanged(j, now + _planner.Schedule.MaximumInterval)).ToList();
        var failures = new Dictionary<FaxJobReference, FaxPollFailure>();
        var abandoned = new HashSet<FaxJobReference>();
        IReadOnlyList<FaxJobStatusResult?>? results = null;
        if (known.Count > 0)
        {
            using var timeout = new CancellationTokenSource(_options.PollTimeout, _client.TimeProvider);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
            try
            {
                results = await PollAsync(known, linked.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                Log.PollTimedOut(_logger, known.Count, _options.PollTimeout);
            }
        }

        now = _client.TimeProvider.GetUtcNow();
        for (var i = 0; i < known.Count; i++)
        {
            if (results is null)
            {
                // The batch timed out: back off (the job's interval, at least the schedule's minimum) rather than
                // hand a slow provider the same batch on the next pass.
                var delay = known[i].Interval > _planner.Schedule.MinimumInterval ? known[i].Interval : _planner.Schedule.MinimumInterval;
                outcomes.Add(FaxTrackedJobPlanner.Unchanged(known[i], now + delay));
                continue;
            }

            if (results[i] is null)
            {
                // An id no provider request can carry: polling it again would fail the same way.
                Log.InvalidJobIdAbandoned(_logger, known[i].Job.Provider, known[i].Job.Instance);
                outcomes.Add(FaxTrackedJobPlanner.Unchanged(known[i], now) with { Abandon = true });
                continue;
            }

            var outcome = _planner.Plan(known[i], results[i]!, now, out var failure);
            outcomes.Add(outcome);
            if (failure is { } decision)
            {
                var job = known[i].Job;
                var error = results[i]!.Error!;
                Log.PollFailed(_logger, job, error, decision.ConsecutiveErrors, outcome.NextDueAt - now);
                failures[job] = new FaxPollFailure { Provider = job.Provider, Instance = job.Instance, Job = job, Error = error, ConsecutiveFailures = decision.ConsecutiveErrors };
                if (decision.Abandon)
                {
                    abandoned.Add(job);
                }
            }
        }

        // Written even when the caller cancels: what was read is not thrown away.
        var stored = await _store.CompleteClaimsAsync(Name, outcomes, CancellationToken.None).ConfigureAwait(false);
        var before = claimed.ToDictionary(j => Key(j.Job));
        var read = outcomes.Where(o => o.Status is not null).ToDictionary(o => Key(o.Job), o => o.Status!);
        foreach (var record in stored)
        {
            var key = Key(record.Job);
            if (failures.TryGetValue(record.Job, out var failure))
            {
                Raise(() => _publisher.Failed(failure));
                if (abandoned.Contains(record.Job) && record.IsAbandoned)
                {
                    Log.JobAbandoned(_logger, record.Job, failure.ConsecutiveFailures);
                    FaxTrackingMetrics.Abandoned(record.Job);
                    Raise(() => _publisher.Abandoned(failure));
                }

                continue;
            }

            // Published only when this poll's status is what is stored now and differs from what was stored before.
            if (read.TryGetValue(key, out var status) && record.Status is { } now2 && !FaxStatusChange.IsChange(now2, status) &&
                FaxStatusChange.IsChange(before[key].Status, status) && before[key].Status is not { IsTerminal: true })
            {
                Publish(new FaxJobUpdate { Job = record.Job, Status = record.Status, Previous = before[key].Status });
            }
        }

        return true;
    }

    /// <summary>
    /// Polls a batch in one call; when a job id in it is one the provider refuses to send (<see cref="FaxInvalidJobIdException"/>,
    /// which fails the whole call), polls the batch job by job so that one bad id cannot hold up the others.
    /// </summary>
    /// <returns>One result per job; <see langword="null"/> for a job whose id is invalid.</returns>
    private async Task<IReadOnlyList<FaxJobStatusResult?>> PollAsync(List<FaxTrackedJob> jobs, CancellationToken cancellationToken)
    {
        try
        {
            return await _client.GetStatusesAsync(jobs.Select(j => j.Job), cancellationToken).ConfigureAwait(false);
        }
        catch (FaxInvalidJobIdException)
        {
            // One of them: find it below.
        }

        var results = new FaxJobStatusResult?[jobs.Count];
        for (var i = 0; i < jobs.Count; i++)
        {
            try
            {
                results[i] = (await _client.GetStatusesAsync([jobs[i].Job], cancellationToken).ConfigureAwait(false))[0];
            }
            catch (FaxInvalidJobIdException)
            {
                results[i] = null;
            }
        }

        return results;
    }

    private async Task<bool> DeliverCompletionsAsync(CancellationToken cancellationToken)
    {
        var now = _client.TimeProvider.GetUtcNow();
        var claimed = await _store.ClaimCompletionsAsync(Name, now, _options.BatchSize, _options.LeaseDuration, cancellationToken).ConfigureAwait(false);
        if (claimed.Count == 0)
        {
            return false;
        }

        var handled = new List<FaxJobReference>(claimed.Count);
        foreach (var job in claimed)
        {
            var completion = new FaxJobUpdate { Job = job.Job, Status = job.Status! };
            try
            {
                foreach (var handler in _handlers)
                {
                    await handler.HandleAsync(completion, cancellationToken).ConfigureAwait(false);
                }

                handled.Add(job.Job);
            }
            catch (Exception exception) when (!cancellationToken.IsCancellationRequested && exception is not OutOfMemoryException)
            {
                // Left under this worker's lease: delivered again (by any worker) once the lease expires.
                Log.CompletionHandlerFailed(_logger, job.Job, exception, _options.LeaseDuration);
                FaxTrackingMetrics.HandlerFailed(job.Job);
            }
        }

        if (handled.Count > 0)
        {
            await _store.MarkCompletionsHandledAsync(Name, handled, CancellationToken.None).ConfigureAwait(false);
        }

        return true;
    }

    private async Task<bool> WritePushesAsync(CancellationToken cancellationToken)
    {
        var updates = new List<FaxJobUpdate>();
        while (updates.Count < _options.BatchSize && _pushed.TryDequeue(out var update))
        {
            updates.Add(update);
        }

        if (updates.Count == 0)
        {
            return false;
        }

        try
        {
            await WriteObservedAsync([.. updates.Select(u => (u.Job, u.Status))], cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            // Not written: back in the queue for the next pass (the store keeps states monotonic, so order does not matter).
            foreach (var update in updates)
            {
                _pushed.Enqueue(update);
            }

            throw;
        }

        return true;
    }

    /// <summary>Writes statuses that arrived without a claim (pushes, feed reports) and publishes what changed.</summary>
    /// <returns>For each status, whether its job is tracked (its status is stored now, or the job was already done).</returns>
    private async Task<IReadOnlyList<bool>> WriteObservedAsync(IReadOnlyList<(FaxJobReference Job, FaxJobStatus Status)> statuses, CancellationToken cancellationToken)
    {
        var changes = await _store.WriteStatusesAsync(statuses, cancellationToken).ConfigureAwait(false);
        foreach (var (previous, current) in changes)
        {
            Publish(new FaxJobUpdate { Job = current.Job, Status = current.Status!, Previous = previous?.Status });
        }

        var tracked = new bool[statuses.Count];
        var changed = changes.Select(c => Key(c.Current.Job)).ToHashSet();
        for (var i = 0; i < statuses.Count; i++)
        {
            tracked[i] = changed.Contains(Key(statuses[i].Job)) || await _store.GetAsync(statuses[i].Job, cancellationToken).ConfigureAwait(false) is not null;
        }

        return tracked;
    }

    private async Task<bool> ReadFeedsAsync(CancellationToken cancellationToken)
    {
        var worked = false;
        foreach (var feed in _feeds.Values)
        {
            var now = _client.TimeProvider.GetUtcNow();
            if (feed.NextReadAt > now)
            {
                continue;
            }

            feed.NextReadAt = now + _options.FeedInterval;
            if (!await _store.TryAcquireLeaseAsync(feed.LeaseName, Name, now, _options.LeaseDuration, cancellationToken).ConfigureAwait(false))
            {
                continue;
            }

            await feed.ReadAsync((reports, ct) => WriteObservedAsync(
                [.. reports.Select(r => (new FaxJobReference(feed.Provider, r.Status.JobId, feed.Instance), _client.RememberFinal(new FaxJobReference(feed.Provider, r.Status.JobId, feed.Instance), r.Status)))], ct),
                cancellationToken).ConfigureAwait(false);
            worked = true;
        }

        return worked;
    }

    /// <summary>
    /// Whether the store holds no unfinished job and no undelivered completion. Counts the store (and refreshes the
    /// tracking gauges) when <see cref="FaxTrackingOptions.StopWhenIdle"/> asks, otherwise at most every <see cref="CountInterval"/>.
    /// </summary>
    private async Task<bool> IsIdleAsync(CancellationToken cancellationToken)
    {
        var now = _client.TimeProvider.GetUtcNow();
        if (!_pushed.IsEmpty || (!_options.StopWhenIdle && now - _countedAt < CountInterval))
        {
            return false;
        }

        _countedAt = now;
        var counts = await _store.CountAsync(now, cancellationToken).ConfigureAwait(false);
        FaxTrackingMetrics.Observe(counts);
        return counts.Total - counts.Final - counts.Abandoned == 0 && counts.CompletionsPending == 0;
    }

    private void OnStatusPushed(object? sender, FaxJobUpdate update)
    {
        _pushed.Enqueue(update);
        lock (_lock)
        {
            _wake.TrySetResult();
        }
    }

    private async Task SleepAsync(CancellationToken cancellationToken)
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

        using var sleep = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        await Task.WhenAny(Task.Delay(_options.IdleDelay, _client.TimeProvider, sleep.Token), wake).ConfigureAwait(false);
        await sleep.CancelAsync().ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
    }

    private void Publish(FaxJobUpdate update)
    {
        if (update.Status.IsTerminal)
        {
            FaxTrackingMetrics.Final(update.Job);
        }

        Raise(() => _publisher.Publish(update));
    }

    private void Raise(Action raise)
    {
        try
        {
            raise();
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            Log.WorkerEventHandlerFailed(_logger, Name, exception.GetType().Name);
        }
    }

    private async Task ReleaseQuietlyAsync(string lease)
    {
        try
        {
            await _store.ReleaseLeaseAsync(lease, Name, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // The lease expires on its own.
            Log.WorkerPassFailed(_logger, Name, exception.GetType().Name, _options.LeaseDuration);
        }
    }

    private bool IsConfigured(FaxTrackedJob job) => _configured.Contains((job.Job.Provider, job.Job.Instance));

    private static (string, string, string) Key(FaxJobReference job) => (job.Provider, job.Instance, job.JobId);
}
