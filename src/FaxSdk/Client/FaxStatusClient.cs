using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace FaxSdk;

/// <summary>
/// What an application calls: the status of any job of any configured provider instance, many jobs at once (batched
/// where the provider allows, with a per-provider concurrency limit), waiting until a job is final, watching its
/// changes, and tracking thousands of jobs (<see cref="CreateTracker"/>). Once the client has reported a job final it
/// never reports it non-final again. Every member is virtual so tests can fake the client.
/// </summary>
/// <example>
/// <code>
/// var client = provider.GetRequiredService&lt;FaxStatusClient&gt;();
/// FaxWaitResult result = await client.WaitForCompletionAsync(new FaxJobReference("phaxio", "123456"),
///     new FaxWaitOptions { Timeout = TimeSpan.FromMinutes(10) }, cancellationToken);
/// if (result.IsCompleted)
/// {
///     foreach (var recipient in result.Status!.Recipients)
///     {
///         Console.WriteLine($"{recipient.FaxNumber}: {recipient.State} {recipient.Error?.Category}");
///     }
/// }
/// </code>
/// </example>
public class FaxStatusClient
{
    private readonly IFaxStatusProviderResolver _resolver = null!;
    private readonly FaxStatusClientOptions _options = null!;
    private readonly ILogger _logger = NullLogger.Instance;
    private readonly TerminalStatusMemory _terminal = null!;
    private readonly ConcurrentDictionary<(string Provider, string Instance), SemaphoreSlim> _gates = new();

    /// <summary>Creates a client over the configured providers.</summary>
    /// <param name="resolver">The configured provider instances (from <c>services.AddFaxSdk()</c>).</param>
    /// <param name="options">The client's settings; defaults when <see langword="null"/>.</param>
    /// <param name="timeProvider">The clock waits and trackers run on; <see cref="TimeProvider.System"/> when <see langword="null"/>.</param>
    /// <param name="logger">Where the client logs; nothing when <see langword="null"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="resolver"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public FaxStatusClient(IFaxStatusProviderResolver resolver, FaxStatusClientOptions? options = null, TimeProvider? timeProvider = null, ILogger<FaxStatusClient>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(resolver);
        options ??= new FaxStatusClientOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxConcurrencyPerProvider, 1, nameof(options.MaxConcurrencyPerProvider));
        ArgumentOutOfRangeException.ThrowIfNegative(options.TerminalStatusCapacity, nameof(options.TerminalStatusCapacity));
        ArgumentNullException.ThrowIfNull(options.Polling, nameof(options.Polling));
        options.Polling.Validate();
        ArgumentNullException.ThrowIfNull(options.ErrorPolicy, nameof(options.ErrorPolicy));
        options.ErrorPolicy.Validate();
        _resolver = resolver;
        _options = options;
        TimeProvider = timeProvider ?? TimeProvider.System;
        _logger = logger ?? (ILogger)NullLogger.Instance;
        _terminal = new TerminalStatusMemory(options.TerminalStatusCapacity);
        ArgumentNullException.ThrowIfNull(options.Pushes, nameof(options.Pushes));
        Pushes = new FaxPushInbox(this, options.Pushes);
    }

    /// <summary>For mocking frameworks and test doubles only: a client with no providers.</summary>
    protected FaxStatusClient()
    {
        TimeProvider = TimeProvider.System;
    }

    /// <summary>Where pushed statuses enter: webhook receivers call it, trackers and applications subscribe to it.</summary>
    public virtual FaxPushInbox Pushes { get; } = null!;

    /// <summary>The clock waits and trackers run on.</summary>
    public virtual TimeProvider TimeProvider { get; }

    /// <summary>The configured provider instances.</summary>
    public virtual IFaxStatusProviderResolver Providers => _resolver;

    /// <summary>The client's settings.</summary>
    public virtual FaxStatusClientOptions Options => _options;

    /// <summary>Reads the current status of one job from the provider instance that owns it.</summary>
    /// <param name="job">The job.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The canonical status (the final one remembered when the provider now answers non-final).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="job"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidOperationException">No provider instance is configured for the job.</exception>
    /// <exception cref="FaxSdkException">The provider's typed errors (see <see cref="IFaxStatusProvider.GetStatusAsync"/>);
    /// any other failure while reading the answer (a parser bug, say) arrives as a <see cref="FaxProtocolException"/>.
    /// Configured secrets the server echoed back are redacted from every such error.</exception>
    public virtual async Task<FaxJobStatus> GetStatusAsync(FaxJobReference job, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(job);
        return await ReadAsync(_resolver.GetProvider(job.Provider, job.Instance), Gate(job.Provider, job.Instance), job, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Reads the current status of many jobs: grouped by provider instance, in batches where the provider can answer
    /// many jobs per request, with at most <see cref="FaxStatusClientOptions.MaxConcurrencyPerProvider"/> requests at
    /// once per instance. A job whose status cannot be read gets its error (any failure while reading an answer is a
    /// <see cref="FaxProtocolException"/>); the others are unaffected.
    /// </summary>
    /// <param name="jobs">The jobs.</param>
    /// <param name="cancellationToken">Cancels the requests.</param>
    /// <returns>One result per job, in the order given.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="jobs"/> is or contains <see langword="null"/>.</exception>
    /// <exception cref="InvalidOperationException">No provider instance is configured for one of the jobs.</exception>
    public virtual async Task<IReadOnlyList<FaxJobStatusResult>> GetStatusesAsync(IEnumerable<FaxJobReference> jobs, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(jobs);
        // Copied once, so that a caller changing its collection meanwhile cannot put a null past the check below.
        FaxJobReference[] list = [.. jobs];
        foreach (var job in list)
        {
            if (job is null)
            {
                throw new ArgumentNullException(nameof(jobs), "The jobs must not contain null.");
            }
        }

        var results = new FaxJobStatusResult[list.Length];
        // Resolve every provider before sending anything, so an unconfigured one fails the call with nothing in flight.
        var groups = Group(list);
        var work = new List<Task>();
        foreach (var (provider, members) in groups)
        {
            if (provider is IFaxBatchStatusProvider batch && members.Count > 1)
            {
                work.Add(ReadBatchAsync(batch, members, results, cancellationToken));
            }
            else
            {
                // A few workers per provider instance, not a task per job: the gate admits MaxConcurrencyPerProvider anyway.
                var first = members[0].Job;
                var gate = Gate(first.Provider, first.Instance);
                var cursor = new StrongBox<int>(-1);
                for (var w = Math.Min(_options.MaxConcurrencyPerProvider, members.Count); w > 0; w--)
                {
                    work.Add(ReadEachAsync(provider, gate, members, cursor, results, cancellationToken));
                }
            }
        }

        foreach (var task in work)
        {
            // Usually already complete (a canned or fast answer): no WhenAll task then.
            if (!task.IsCompletedSuccessfully)
            {
                await Task.WhenAll(work).ConfigureAwait(false);
                break;
            }
        }

        return results;
    }

    /// <summary>
    /// Polls a job until it is final, with exponential backoff and jitter between the schedule's minimum and maximum
    /// intervals, honouring the provider's Retry-After, riding out transient errors, and ending at
    /// <see cref="FaxWaitOptions.Timeout"/> with <see cref="FaxWaitOutcome.TimedOut"/> rather than hanging.
    /// </summary>
    /// <param name="job">The job.</param>
    /// <param name="options">How to wait; defaults when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The final status; or a timed-out result with the last status seen and a state to resume from; or an
    /// abandoned result when the provider answered "job not found" <see cref="FaxPollErrorPolicy.MaxNotFoundPolls"/> polls
    /// in a row (<see cref="FaxWaitOptions.ErrorPolicy"/>, the policy trackers follow too).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="job"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><see cref="FaxWaitOptions.ResumeFrom"/> belongs to another job.</exception>
    /// <exception cref="FaxSdkException">A non-transient error other than "job not found" (authentication, say), or more transient errors in a row than <see cref="FaxWaitOptions.MaxConsecutiveErrors"/>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public virtual async Task<FaxWaitResult> WaitForCompletionAsync(FaxJobReference job, FaxWaitOptions? options = null, CancellationToken cancellationToken = default)
    {
        var session = StartSession(job, options);
        while (true)
        {
            var status = await session.PollAsync(cancellationToken).ConfigureAwait(false);
            if (status is { IsTerminal: true })
            {
                return session.Result(FaxWaitOutcome.Completed);
            }

            if (session.Abandoned is not null)
            {
                return session.Result(FaxWaitOutcome.Abandoned);
            }

            if (session.DeadlinePassed)
            {
                Log.WaitTimedOut(_logger, job, session.State.Polls);
                return session.Result(FaxWaitOutcome.TimedOut);
            }
        }
    }

    /// <summary>
    /// Polls a job like <see cref="WaitForCompletionAsync"/> and yields its first status and then each change (of
    /// the job's state, the provider's status value, or a recipient's state); the sequence ends after the final status.
    /// </summary>
    /// <param name="job">The job.</param>
    /// <param name="options">How to poll; defaults when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the watch.</param>
    /// <returns>The statuses, the last one final.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="job"/> is <see langword="null"/>.</exception>
    /// <exception cref="FaxWaitTimeoutException"><see cref="FaxWaitOptions.Timeout"/> passed before the job was final.</exception>
    /// <exception cref="FaxSdkException">As for <see cref="WaitForCompletionAsync"/>; a job given up as not found ends the
    /// watch with the last <see cref="FaxJobNotFoundException"/>.</exception>
    public virtual async IAsyncEnumerable<FaxJobStatus> WatchAsync(FaxJobReference job, FaxWaitOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var session = StartSession(job, options);
        FaxJobStatus? reported = null;
        while (true)
        {
            var status = await session.PollAsync(cancellationToken).ConfigureAwait(false);
            if (status is not null && FaxStatusChange.IsChange(reported, status))
            {
                reported = status;
                yield return status;
            }

            if (status is { IsTerminal: true })
            {
                yield break;
            }

            if (session.Abandoned is { } notFound)
            {
                throw notFound;
            }

            if (session.DeadlinePassed)
            {
                Log.WaitTimedOut(_logger, job, session.State.Polls);
                throw new FaxWaitTimeoutException(job.Provider, $"Job {job} was not final when the watch's timeout of {options?.Timeout} passed (last state: {reported?.State.ToString() ?? "none read"}).", session.State);
            }
        }
    }

    /// <summary>Creates a tracker for many outstanding jobs that uses this client (run it with <see cref="FaxJobTracker.RunAsync"/>).</summary>
    /// <param name="options">How the tracker polls; defaults when <see langword="null"/>.</param>
    /// <returns>A new tracker.</returns>
    public virtual FaxJobTracker CreateTracker(FaxTrackerOptions? options = null) => new(this, options, _logger);

    /// <summary>Records that a job was seen to move from one state to another (metrics and logs).</summary>
    /// <param name="job">The job.</param>
    /// <param name="from">The state before, or <see langword="null"/> when first seen.</param>
    /// <param name="to">The state now.</param>
    internal void OnStateObserved(FaxJobReference job, FaxJobState? from, FaxJobState to)
    {
        if (from == to)
        {
            return;
        }

        Log.StateChanged(_logger, job, from, to);
        if (from is { } before)
        {
            Diagnostics.FaxSdkTelemetry.RecordStateTransition(job.Provider, job.Instance, before, to);
        }
    }

    /// <summary>Passes a status read elsewhere (a report feed) through the memory of final statuses.</summary>
    /// <param name="job">The job.</param>
    /// <param name="status">The status read.</param>
    /// <returns>What the client reports for it.</returns>
    internal FaxJobStatus RememberFinal(FaxJobReference job, FaxJobStatus status) => _terminal?.Reconcile(job, status) ?? status;

    /// <summary>Whether the memory of final statuses holds one for a job (nothing is decoded).</summary>
    /// <param name="job">The job.</param>
    /// <returns>Whether one is remembered.</returns>
    internal bool IsRememberedFinal(FaxJobReference job) => _terminal?.Contains(job) == true;

    /// <summary>Logs a <see cref="FaxPushInbox.StatusPushed"/> handler that threw.</summary>
    /// <param name="job">The job of the update.</param>
    /// <param name="exception">What the handler threw.</param>
    internal void OnPushHandlerFailed(FaxJobReference job, Exception exception) =>
        Log.PushHandlerFailed(_logger, job, exception);

    /// <summary>The longest a provider's Retry-After is honoured: one day (longer values are taken as one day).</summary>
    internal static readonly TimeSpan MaxRetryAfter = TimeSpan.FromDays(1);

    /// <summary>The delay before polling again after a failed poll: the schedule's jittered interval, or the provider's
    /// Retry-After when longer (at most <see cref="MaxRetryAfter"/>).</summary>
    /// <param name="schedule">The polling schedule.</param>
    /// <param name="interval">The interval after the failure.</param>
    /// <param name="error">The failure.</param>
    /// <returns>The delay.</returns>
    internal static TimeSpan DelayAfterError(FaxPollingSchedule schedule, TimeSpan interval, Exception error)
    {
        var delay = schedule.Jittered(interval, Random.Shared.NextDouble());
        if (error is FaxRateLimitedException { RetryAfter: { } retryAfter } && retryAfter > delay)
        {
            delay = retryAfter < MaxRetryAfter ? retryAfter : MaxRetryAfter;
        }

        return delay;
    }

    /// <summary>Whether a poll failure is worth trying again later.</summary>
    /// <param name="exception">The failure.</param>
    /// <returns><see langword="true"/> for unavailable, rate-limited and unreadable answers.</returns>
    internal static bool IsTransient(Exception exception) =>
        exception is FaxProviderUnavailableException or FaxRateLimitedException or FaxProtocolException;

    /// <summary>What the client throws for a provider's failure: the same <see cref="FaxSdkException"/> with the
    /// instance's secrets redacted, or any other exception (a parser bug) wrapped as a <see cref="FaxProtocolException"/>.</summary>
    /// <param name="provider">The provider that failed.</param>
    /// <param name="jobId">The job asked for, or <see langword="null"/> for a batch.</param>
    /// <param name="exception">The failure.</param>
    /// <returns>The exception to report, or <see langword="null"/> when it must pass unchanged (cancellation, invalid job id).</returns>
    internal static FaxSdkException? AsProviderError(IFaxStatusProvider provider, string? jobId, Exception exception)
    {
        var secrets = provider is Transport.IFaxSecretSource source ? source.GetSecretValues() : [];
        switch (exception)
        {
            case FaxSdkException known:
                known.RedactSecrets(secrets);
                return known;
            case OperationCanceledException or FaxInvalidJobIdException or OutOfMemoryException:
                return null;
            default:
                var wrapped = new FaxProtocolException(provider.ProviderId,
                    $"{provider.ProviderId}: the answer{(jobId is null ? "" : $" for job '{jobId}'")} could not be read ({exception.GetType().Name}: {exception.Message})", exception);
                wrapped.RedactSecrets(secrets);
                return wrapped;
        }
    }

    private FaxWaitSession StartSession(FaxJobReference job, FaxWaitOptions? options)
    {
        ArgumentNullException.ThrowIfNull(job);
        options ??= new FaxWaitOptions();
        if (options.ResumeFrom is { } resume && resume.Job != job)
        {
            throw new ArgumentException($"The saved wait state belongs to job {resume.Job}, not {job}.", nameof(options));
        }

        ArgumentOutOfRangeException.ThrowIfNegative(options.MaxConsecutiveErrors, nameof(options.MaxConsecutiveErrors));
        if (options.Timeout is { } timeout)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(timeout, TimeSpan.Zero, nameof(options.Timeout));
        }

        var schedule = options.Schedule ?? _options.Polling;
        schedule.Validate();
        var policy = options.ErrorPolicy ?? _options.ErrorPolicy;
        policy.Validate();
        return new FaxWaitSession(this, job, options, schedule, policy, _logger);
    }

    /// <summary>The jobs by provider instance, in first-seen order, each with its provider (resolved once per instance).</summary>
    private List<(IFaxStatusProvider Provider, List<(FaxJobReference Job, int Index)> Members)> Group(FaxJobReference[] jobs)
    {
        var groups = new List<(IFaxStatusProvider Provider, List<(FaxJobReference Job, int Index)> Members)>();
        Dictionary<(string, string), int>? byKey = null;
        var last = -1;
        for (var i = 0; i < jobs.Length; i++)
        {
            var job = jobs[i];
            // Consecutive jobs of one instance (the usual case) need no lookup.
            if (last < 0 || !SameInstance(groups[last].Members[0].Job, job))
            {
                byKey ??= [];
                if (!byKey.TryGetValue((job.Provider, job.Instance), out last))
                {
                    last = groups.Count;
                    byKey.Add((job.Provider, job.Instance), last);
                    groups.Add((_resolver.GetProvider(job.Provider, job.Instance), []));
                }
            }

            groups[last].Members.Add((job, i));
        }

        return groups;
    }

    private static bool SameInstance(FaxJobReference a, FaxJobReference b) =>
        string.Equals(a.Provider, b.Provider, StringComparison.Ordinal) && string.Equals(a.Instance, b.Instance, StringComparison.Ordinal);

    private SemaphoreSlim Gate(string provider, string instance) =>
        _gates.GetOrAdd((provider, instance), _ => new SemaphoreSlim(_options.MaxConcurrencyPerProvider, _options.MaxConcurrencyPerProvider));

    private async ValueTask<FaxJobStatus> ReadAsync(IFaxStatusProvider provider, SemaphoreSlim gate, FaxJobReference job, CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        FaxJobStatus read;
        try
        {
            read = await provider.GetStatusAsync(job, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (AsProviderError(provider, job.JobId, exception) is { } error)
        {
            if (ReferenceEquals(error, exception))
            {
                throw;
            }

            throw error;
        }
        finally
        {
            gate.Release();
        }

        return _terminal.Reconcile(job, read);
    }

    private async Task ReadEachAsync(IFaxStatusProvider provider, SemaphoreSlim gate, List<(FaxJobReference Job, int Index)> members, StrongBox<int> cursor, FaxJobStatusResult[] results, CancellationToken cancellationToken)
    {
        for (var i = Interlocked.Increment(ref cursor.Value); i < members.Count; i = Interlocked.Increment(ref cursor.Value))
        {
            var (job, index) = members[i];
            try
            {
                results[index] = new FaxJobStatusResult { Job = job, Status = await ReadAsync(provider, gate, job, cancellationToken).ConfigureAwait(false) };
            }
            catch (FaxSdkException exception)
            {
                results[index] = new FaxJobStatusResult { Job = job, Error = exception };
            }
        }
    }

    private async Task ReadBatchAsync(IFaxBatchStatusProvider provider, List<(FaxJobReference Job, int Index)> members, FaxJobStatusResult[] results, CancellationToken cancellationToken)
    {
        var first = members[0].Job;
        var gate = Gate(first.Provider, first.Instance);
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var answers = await provider.GetStatusResultsAsync([.. members.Select(m => m.Job)], cancellationToken).ConfigureAwait(false);
            if (answers.Count != members.Count)
            {
                throw new FaxProtocolException(first.Provider, $"The provider answered {answers.Count} statuses for {members.Count} jobs.");
            }

            for (var i = 0; i < members.Count; i++)
            {
                var (job, index) = members[i];
                var answer = answers[i];
                results[index] = answer.Status is { } status
                    ? new FaxJobStatusResult { Job = job, Status = _terminal.Reconcile(job, status) }
                    : new FaxJobStatusResult
                    {
                        Job = job,
                        Error = AsProviderError(provider, job.JobId, answer.Error ?? new FaxProtocolException(first.Provider, $"{first.Provider}: the provider gave neither a status nor an error for job '{job.JobId}'.")),
                    };
            }
        }
        catch (Exception exception) when (AsProviderError(provider, null, exception) is { } error)
        {
            foreach (var (job, index) in members)
            {
                results[index] = new FaxJobStatusResult { Job = job, Error = error };
            }
        }
        finally
        {
            gate.Release();
        }
    }
}
