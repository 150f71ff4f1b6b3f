namespace FaxSdk;

/// <summary>A poll of a tracked job, or a read of a report feed, that failed; the tracker tries again later (see <see cref="FaxJobTracker.PollFailed"/>).</summary>
public sealed record FaxPollFailure
{
    /// <summary>The provider id.</summary>
    public required string Provider { get; init; }

    /// <summary>The provider instance.</summary>
    public required string Instance { get; init; }

    /// <summary>The job whose poll failed, or <see langword="null"/> when reading or acknowledging the report feed failed.</summary>
    public FaxJobReference? Job { get; init; }

    /// <summary>What went wrong.</summary>
    public required FaxSdkException Error { get; init; }

    /// <summary>How many polls of this job failed in a row (1 for feed failures).</summary>
    public required int ConsecutiveFailures { get; init; }
}
