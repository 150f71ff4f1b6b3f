namespace FaxSdk;

/// <summary>
/// What polling does when a poll fails, the same for <see cref="FaxStatusClient.WaitForCompletionAsync"/>,
/// <see cref="FaxStatusClient.WatchAsync"/>, <see cref="FaxJobTracker"/> and <see cref="FaxTrackingWorker"/>:
/// <list type="bullet">
/// <item>transient failures (provider unavailable, rate limited, unreadable answer) are polled again with backoff,
/// honouring Retry-After;</item>
/// <item>"job not found" is polled again with backoff too (a job just submitted may not be visible yet), until it has
/// been missed <see cref="MaxNotFoundPolls"/> times in a row: then the job is given up, reported once and never polled
/// again (<see cref="FaxTrackedJob.IsAbandoned"/>, <see cref="FaxJobTracker.JobAbandoned"/>,
/// <see cref="FaxWaitOutcome.Abandoned"/>);</item>
/// <item>other failures (authentication, configuration) wait the schedule's longest interval in trackers, and end a
/// wait at once.</item>
/// </list>
/// </summary>
/// <remarks>
/// A miss is a failed poll: the policy counts failed polls in a row (<see cref="FaxTrackedJob.ConsecutiveErrors"/>, the
/// one counter a tracking store keeps), and gives a job up when a poll answers "not found" and is at least the
/// <see cref="MaxNotFoundPolls"/>-th failure in a row. A successful poll starts the count again.
/// </remarks>
public sealed record FaxPollErrorPolicy
{
    /// <summary>The default policy: a job is given up after 5 misses in a row.</summary>
    public static FaxPollErrorPolicy Default { get; } = new();

    /// <summary>
    /// How many polls in a row may miss a job (the last one answering "job not found") before it is given up. Default 5,
    /// about a minute with the default schedule. At least 1.
    /// </summary>
    public int MaxNotFoundPolls { get; init; } = 5;

    /// <summary>Checks the values.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A value is out of range.</exception>
    public void Validate() => ArgumentOutOfRangeException.ThrowIfLessThan(MaxNotFoundPolls, 1, nameof(MaxNotFoundPolls));
}
