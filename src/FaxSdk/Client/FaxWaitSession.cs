using Microsoft.Extensions.Logging;

namespace FaxSdk;

/// <summary>The polling loop behind one wait or watch: when to poll next, what counts as transient, when the deadline passed.</summary>
internal sealed class FaxWaitSession
{
    private readonly FaxStatusClient _client;
    private readonly FaxJobReference _job;
    private readonly FaxWaitOptions _options;
    private readonly FaxPollingSchedule _schedule;
    private readonly FaxPollErrorPolicy _policy;
    private readonly ILogger _logger;
    private readonly DateTimeOffset? _deadline;
    private int _consecutiveErrors;

    public FaxWaitSession(FaxStatusClient client, FaxJobReference job, FaxWaitOptions options, FaxPollingSchedule schedule, FaxPollErrorPolicy policy, ILogger logger)
    {
        _policy = policy;
        _client = client;
        _job = job;
        _options = options;
        _schedule = schedule;
        _logger = logger;
        var now = client.TimeProvider.GetUtcNow();
        // A timeout past the end of the calendar (TimeSpan.MaxValue, say) is no deadline at all.
        _deadline = options.Timeout is { } timeout && timeout <= DateTimeOffset.MaxValue - now ? now + timeout : null;
        State = options.ResumeFrom ?? new FaxWaitState { Job = job };
    }

    /// <summary>Where the wait stands.</summary>
    public FaxWaitState State { get; private set; }

    /// <summary>The last "not found" error once the job is given up (<see cref="FaxPollErrorPolicy"/>), else <see langword="null"/>.</summary>
    public FaxJobNotFoundException? Abandoned { get; private set; }

    /// <summary>Whether the deadline has passed.</summary>
    public bool DeadlinePassed => _deadline is { } deadline && _client.TimeProvider.GetUtcNow() >= deadline;

    /// <summary>A result for the wait as it stands.</summary>
    /// <param name="outcome">How it ended.</param>
    /// <returns>The result.</returns>
    public FaxWaitResult Result(FaxWaitOutcome outcome) => new() { Job = _job, Outcome = outcome, Status = State.LastStatus, ResumeState = State };

    /// <summary>
    /// Waits until the next poll is due (or the deadline, whichever is first) and polls once. Returns the status read,
    /// the last status when the poll failed transiently, or the final status at once when the job is already final.
    /// </summary>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The latest status known, or <see langword="null"/> when none has been read yet.</returns>
    public async Task<FaxJobStatus?> PollAsync(CancellationToken cancellationToken)
    {
        if (State.LastStatus is { IsTerminal: true } final)
        {
            return final;
        }

        var time = _client.TimeProvider;
        var due = State.NextPollAt ?? time.GetUtcNow();
        if (_deadline is { } deadline && due > deadline)
        {
            due = deadline;
        }

        var wait = due - time.GetUtcNow();
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, time, cancellationToken).ConfigureAwait(false);
        }

        if (DeadlinePassed && State.NextPollAt is { } next && next > time.GetUtcNow())
        {
            // The deadline came before the poll was due: end without polling early.
            return State.LastStatus;
        }

        // The deadline also bounds the read under way: a slow provider cannot hold the wait past its timeout.
        var remaining = _deadline is { } end ? end - time.GetUtcNow() : Timeout.InfiniteTimeSpan;
        using var readDeadline = remaining > TimeSpan.Zero ? new CancellationTokenSource(remaining, time) : null;
        using var linked = readDeadline is null ? null : CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, readDeadline.Token);
        FaxJobStatus status;
        try
        {
            status = await _client.GetStatusAsync(_job, linked?.Token ?? cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (readDeadline is { IsCancellationRequested: true } && !cancellationToken.IsCancellationRequested)
        {
            return State.LastStatus;
        }
        catch (FaxSdkException exception) when (!cancellationToken.IsCancellationRequested)
        {
            // The error policy every tracker follows too: transient errors and "not found" are polled again with
            // backoff; a job not found too many times in a row is given up; anything else ends the wait.
            var decision = FaxPollFailureRule.Decide(_schedule, _policy, State.Interval, _consecutiveErrors, exception);
            _consecutiveErrors = decision.ConsecutiveErrors;
            if (decision.Kind == FaxPollFailureKind.Permanent ||
                (decision.Kind == FaxPollFailureKind.Transient && _consecutiveErrors > _options.MaxConsecutiveErrors))
            {
                throw;
            }

            Log.PollFailed(_logger, _job, exception, _consecutiveErrors, decision.Delay);
            if (decision.Abandon)
            {
                Log.JobAbandoned(_logger, _job, _consecutiveErrors);
                Abandoned = (FaxJobNotFoundException)exception;
                return State.LastStatus;
            }

            State = State with { Interval = decision.Interval, NextPollAt = time.GetUtcNow() + decision.Delay };
            return State.LastStatus;
        }

        _consecutiveErrors = 0;
        var changed = FaxStatusChange.IsChange(State.LastStatus, status);
        _client.OnStateObserved(_job, State.LastStatus?.State, status.State);
        var nextInterval = changed ? _schedule.MinimumInterval : _schedule.Grow(State.Interval);
        State = State with
        {
            LastStatus = status,
            Polls = State.Polls + 1,
            Interval = nextInterval,
            NextPollAt = time.GetUtcNow() + _schedule.Jittered(nextInterval, Random.Shared.NextDouble()),
        };
        return status;
    }
}
