namespace FaxSdk;

/// <summary>
/// How a <see cref="FaxTrackingWorker"/> shares a tracking store with other workers; bound from <c>FaxSdk:Tracking</c>
/// when FaxSdk is added with configuration (<c>AddTracking</c>). A settable options class, like
/// <see cref="FaxStatusClientOptions"/>, so that <c>t.Configure(o =&gt; …)</c> and configuration can set it.
/// </summary>
/// <remarks>
/// <para><b>Lease duration and poll timeout.</b> A worker claims up to <see cref="BatchSize"/> due jobs under a lease of
/// <see cref="LeaseDuration"/> and renews nothing per job: it polls the whole batch (<see cref="FaxStatusClient.GetStatusesAsync"/>)
/// and gives up waiting after <see cref="PollTimeout"/>, which must be shorter than the lease, so that its results are
/// written while it still holds the jobs. Jobs whose poll did not finish are due again at once. If a worker dies, its
/// jobs wait at most <see cref="LeaseDuration"/> before another worker takes them. Keep <see cref="PollTimeout"/> above a
/// provider request's own timeout and retries (<c>FaxProviderOptions.Timeout</c>), times the batches one instance's
/// jobs need at <see cref="FaxStatusClientOptions.MaxConcurrencyPerProvider"/>.</para>
/// </remarks>
public sealed class FaxTrackingOptions
{
    /// <summary>The worker's name, unique among live workers: the owner of its leases. Default machine name, process id and a random suffix.</summary>
    public string WorkerName { get; set; } = $"{Environment.MachineName}-{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..8]}";

    /// <summary>How long a claim (of due jobs, of completions, of a report feed) lasts. Default 2 minutes.</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How long one batch of polls may take before the worker stops waiting for it; shorter than <see cref="LeaseDuration"/>. Default 1 minute.</summary>
    public TimeSpan PollTimeout { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The most jobs (and completions) claimed at once. Default 500.</summary>
    public int BatchSize { get; set; } = 500;

    /// <summary>How long the worker waits before looking again when nothing was due. Default 1 second.</summary>
    public TimeSpan IdleDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Whether <see cref="FaxTrackingWorker.RunAsync"/> returns once the store holds no unfinished job and no
    /// undelivered completion (a batch run, such as <c>faxstatus track run --until-idle</c>). Default off: run until cancelled.</summary>
    public bool StopWhenIdle { get; set; }

    /// <summary>The polling schedule; <see langword="null"/> uses the client's <see cref="FaxStatusClientOptions.Polling"/>.</summary>
    public FaxPollingSchedule? Schedule { get; set; }

    /// <summary>What failed polls lead to; <see langword="null"/> uses the client's <see cref="FaxStatusClientOptions.ErrorPolicy"/>.</summary>
    public FaxPollErrorPolicy? ErrorPolicy { get; set; }

    /// <summary>How often the report feed of each configured feed provider instance is read (by one worker at a time). Default 10 seconds.</summary>
    public TimeSpan FeedInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Whether reports of jobs the store does not track are deleted too (when these workers are the feed's only readers). Default off.</summary>
    public bool AcknowledgeUntrackedReports { get; set; }

    /// <summary>How often a job is polled when its provider instance pushes to this process (<see cref="FaxPushInbox.HasReceiver"/>). Default 15 minutes.</summary>
    public TimeSpan PushSafetyNetInterval { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How many due jobs make the health check report Degraded (the workers fall behind). Default 10,000.</summary>
    public long DegradedDueJobs { get; set; } = 10_000;

    /// <summary>Checks the values.</summary>
    /// <exception cref="ArgumentException">A value is out of range or missing.</exception>
    public void Validate()
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(WorkerName, nameof(WorkerName));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(LeaseDuration, TimeSpan.Zero, nameof(LeaseDuration));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(PollTimeout, TimeSpan.Zero, nameof(PollTimeout));
        if (PollTimeout >= LeaseDuration)
        {
            throw new ArgumentOutOfRangeException(nameof(PollTimeout), PollTimeout, "PollTimeout must be shorter than LeaseDuration, so that a batch's results are written while its lease holds.");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(BatchSize, 1, nameof(BatchSize));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(IdleDelay, TimeSpan.Zero, nameof(IdleDelay));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(FeedInterval, TimeSpan.Zero, nameof(FeedInterval));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(PushSafetyNetInterval, TimeSpan.Zero, nameof(PushSafetyNetInterval));
        ArgumentOutOfRangeException.ThrowIfLessThan(DegradedDueJobs, 1, nameof(DegradedDueJobs));
        Schedule?.Validate();
        ErrorPolicy?.Validate();
    }
}
