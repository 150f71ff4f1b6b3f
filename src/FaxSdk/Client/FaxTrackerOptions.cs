namespace FaxSdk;

/// <summary>How a <see cref="FaxJobTracker"/> follows its jobs.</summary>
public sealed record FaxTrackerOptions
{
    /// <summary>The polling intervals of each job; <see langword="null"/> uses the client's <see cref="FaxStatusClientOptions.Polling"/>.</summary>
    public FaxPollingSchedule? Schedule { get; init; }

    /// <summary>How often the report feed of a feed provider (<see cref="IFaxReportFeedProvider"/>) is read while it
    /// has tracked jobs. Default 10 seconds. Jobs of feed providers are also polled one by one, but only at the
    /// schedule's maximum interval, in case another reader consumed their report.</summary>
    public TimeSpan FeedInterval { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Whether <see cref="FaxJobTracker.RunAsync"/> returns once every tracked job is final (the default
    /// runs until cancelled, for services that keep adding jobs).</summary>
    public bool StopWhenAllCompleted { get; init; }

    /// <summary>
    /// Whether reports of jobs this tracker does not track are acknowledged (deleted) too. Off by default: such
    /// reports are left on the provider for whoever owns them. Turn it on when this tracker is the feed's only reader,
    /// so that untracked reports do not pile up in front of the tracked ones.
    /// </summary>
    public bool AcknowledgeUntrackedReports { get; init; }

    /// <summary>The most jobs polled in one round; the rest wait for the next round. Default 1,000.</summary>
    public int MaxJobsPerRound { get; init; } = 1000;

    /// <summary>
    /// How often a job is polled when its provider instance pushes to this process
    /// (<see cref="FaxPushInbox.HasReceiver"/>): pushes can be lost, so polling stays on as a slow safety net.
    /// Default 15 minutes.
    /// </summary>
    public TimeSpan PushSafetyNetInterval { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>What failed polls lead to (when a job the provider does not find is given up); <see langword="null"/>
    /// uses the client's <see cref="FaxStatusClientOptions.ErrorPolicy"/>.</summary>
    public FaxPollErrorPolicy? ErrorPolicy { get; init; }

    /// <summary>Checks the values (the schedule and error policy too, when set).</summary>
    /// <exception cref="ArgumentOutOfRangeException">A value is out of range.</exception>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(FeedInterval, TimeSpan.Zero, nameof(FeedInterval));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxJobsPerRound, 1, nameof(MaxJobsPerRound));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(PushSafetyNetInterval, TimeSpan.Zero, nameof(PushSafetyNetInterval));
        Schedule?.Validate();
        ErrorPolicy?.Validate();
    }
}
