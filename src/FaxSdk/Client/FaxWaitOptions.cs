namespace FaxSdk;

/// <summary>How <see cref="FaxStatusClient.WaitForCompletionAsync"/> and <see cref="FaxStatusClient.WatchAsync"/> poll a job.</summary>
public sealed record FaxWaitOptions
{
    /// <summary>The polling intervals; <see langword="null"/> uses the client's <see cref="FaxStatusClientOptions.Polling"/>.</summary>
    public FaxPollingSchedule? Schedule { get; init; }

    /// <summary>
    /// How long to wait, counted from the call; <see langword="null"/> (the default) waits until the job is final or
    /// the token is cancelled. When it passes, the wait ends with <see cref="FaxWaitOutcome.TimedOut"/> (no exception).
    /// </summary>
    public TimeSpan? Timeout { get; init; }

    /// <summary>
    /// How many polls in a row may fail with a transient error (provider unavailable, rate limited, unreadable
    /// answer) before the wait gives up and throws the last one. Default 10. "Job not found" follows
    /// <see cref="ErrorPolicy"/>; other errors (authentication) end the wait at once.
    /// </summary>
    public int MaxConsecutiveErrors { get; init; } = 10;

    /// <summary>A state saved from an earlier wait (<see cref="FaxWaitResult.ResumeState"/>) to continue from: its last
    /// status, poll count and schedule carry over, so a restarted process does not start polling from scratch.</summary>
    public FaxWaitState? ResumeFrom { get; init; }

    /// <summary>
    /// What failed polls lead to; <see langword="null"/> uses the client's <see cref="FaxStatusClientOptions.ErrorPolicy"/>.
    /// A job the provider keeps answering "not found" ends the wait with <see cref="FaxWaitOutcome.Abandoned"/> after
    /// <see cref="FaxPollErrorPolicy.MaxNotFoundPolls"/> misses in a row, as trackers give it up.
    /// </summary>
    public FaxPollErrorPolicy? ErrorPolicy { get; init; }
}
