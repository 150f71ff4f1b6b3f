namespace FaxSdk;

/// <summary>
/// Turns one poll of a tracked job into what is stored about it (<see cref="FaxTrackedJobOutcome"/>): the next due time
/// from the schedule (the slow safety net for jobs whose provider instance pushes to this process, the schedule's
/// longest interval for jobs of report-feed providers) and, for failures, what <see cref="FaxPollFailureRule"/> decides.
/// Shared by <see cref="FaxJobTracker"/> and <see cref="FaxTrackingWorker"/>.
/// </summary>
internal sealed class FaxTrackedJobPlanner(FaxStatusClient client, FaxPollingSchedule schedule, FaxPollErrorPolicy policy, TimeSpan pushSafetyNetInterval)
{
    /// <summary>The polling schedule.</summary>
    public FaxPollingSchedule Schedule { get; } = schedule;

    /// <summary>Whether a job's provider instance reports through a feed (<see cref="IFaxReportFeedProvider"/>).</summary>
    public bool ViaFeed(FaxJobReference job) => client.Providers.GetProvider(job.Provider, job.Instance) is IFaxReportFeedProvider;

    /// <summary>Whether a job's provider instance pushes to this process (<see cref="FaxPushInbox.HasReceiver"/>).</summary>
    public bool ViaPush(FaxJobReference job) => client.Pushes is { } pushes && pushes.HasReceiver(job.Provider, job.Instance);

    /// <summary>Plans what follows one poll.</summary>
    /// <param name="claimed">The job as claimed (its stored status, interval and error count).</param>
    /// <param name="result">What the poll read.</param>
    /// <param name="now">The current time.</param>
    /// <param name="failure">For a failed poll, what the error policy decided.</param>
    /// <returns>The outcome to store.</returns>
    public FaxTrackedJobOutcome Plan(FaxTrackedJob claimed, FaxJobStatusResult result, DateTimeOffset now, out FaxPollFailureDecision? failure)
    {
        var job = claimed.Job;
        var viaPush = ViaPush(job);
        if (result.Status is not { } status)
        {
            var decision = FaxPollFailureRule.Decide(Schedule, policy, claimed.Interval, claimed.ConsecutiveErrors, result.Error!);
            failure = decision;
            var delay = viaPush && decision.Delay < pushSafetyNetInterval ? SafetyNet() : decision.Delay;
            return new FaxTrackedJobOutcome
            {
                Job = job,
                NextDueAt = now + delay,
                Interval = decision.Interval,
                ConsecutiveErrors = decision.ConsecutiveErrors,
                Abandon = decision.Abandon,
            };
        }

        failure = null;
        if (status.IsTerminal)
        {
            return new FaxTrackedJobOutcome { Job = job, Status = status, NextDueAt = now, Interval = claimed.Interval };
        }

        var changed = FaxStatusChange.IsChange(claimed.Status, status);
        var interval = ViaFeed(job) ? Schedule.MaximumInterval : changed ? Schedule.MinimumInterval : Schedule.Grow(claimed.Interval);
        var next = viaPush ? SafetyNet() : Schedule.Jittered(interval, Random.Shared.NextDouble());
        return new FaxTrackedJobOutcome { Job = job, Status = status, NextDueAt = now + next, Interval = interval };
    }

    /// <summary>What to store for a job whose poll did not happen (cancelled round, unconfigured provider): due at <paramref name="dueAt"/>, nothing else changed.</summary>
    public static FaxTrackedJobOutcome Unchanged(FaxTrackedJob claimed, DateTimeOffset dueAt) => new()
    {
        Job = claimed.Job,
        NextDueAt = dueAt,
        Interval = claimed.Interval,
        ConsecutiveErrors = claimed.ConsecutiveErrors,
    };

    /// <summary>The safety-net interval with the schedule's jitter (not clamped to the schedule's maximum).</summary>
    private TimeSpan SafetyNet()
    {
        var spread = 1 + (Schedule.JitterRatio * ((2 * Random.Shared.NextDouble()) - 1));
        return TimeSpan.FromMilliseconds(pushSafetyNetInterval.TotalMilliseconds * spread);
    }
}
