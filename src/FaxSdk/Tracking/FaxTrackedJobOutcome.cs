namespace FaxSdk;

/// <summary>What a worker learned about a job it claimed (<see cref="IFaxTrackingStore.CompleteClaimsAsync"/>).</summary>
public sealed record FaxTrackedJobOutcome
{
    /// <summary>The job.</summary>
    public required FaxJobReference Job { get; init; }

    /// <summary>The status read, or <see langword="null"/> when the poll failed (the stored status is kept).</summary>
    public FaxJobStatus? Status { get; init; }

    /// <summary>When the job is next due.</summary>
    public required DateTimeOffset NextDueAt { get; init; }

    /// <summary>The polling interval from now on.</summary>
    public TimeSpan Interval { get; init; }

    /// <summary>Failed polls in a row (0 after a success).</summary>
    public int ConsecutiveErrors { get; init; }

    /// <summary>Whether polling stops without a final status (see <see cref="FaxTrackedJob.IsAbandoned"/>).</summary>
    public bool Abandon { get; init; }
}
