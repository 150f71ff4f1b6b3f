namespace FaxSdk;

/// <summary>What a tracking store (<see cref="IFaxTrackingStore"/>) keeps about one tracked job.</summary>
public sealed record FaxTrackedJob
{
    /// <summary>The job: provider, instance, id and test flag.</summary>
    public required FaxJobReference Job { get; init; }

    /// <summary>The latest canonical status, or <see langword="null"/> before the first successful read or push.</summary>
    public FaxJobStatus? Status { get; init; }

    /// <summary>When the job is next due to be polled.</summary>
    public required DateTimeOffset NextDueAt { get; init; }

    /// <summary>The current polling interval (the schedule's backoff state).</summary>
    public TimeSpan Interval { get; init; }

    /// <summary>How many polls in a row have failed (the policy that counts "not found" misses reads this too).</summary>
    public int ConsecutiveErrors { get; init; }

    /// <summary>
    /// Whether polling has stopped without a final status (for example a job the provider kept answering "not found");
    /// such a job is not claimed again and counts as done.
    /// </summary>
    public bool IsAbandoned { get; init; }

    /// <summary>The worker that holds the job's lease, or <see langword="null"/>.</summary>
    public string? LeaseOwner { get; init; }

    /// <summary>When that lease expires; after it, another worker may claim the job.</summary>
    public DateTimeOffset? LeaseExpiresAt { get; init; }

    /// <summary>Whether the application's completion handler has run for the final status (at-least-once delivery).</summary>
    public bool CompletionHandled { get; init; }

    /// <summary>Whether the job is done: final or abandoned.</summary>
    public bool IsDone => Status is { IsTerminal: true } || IsAbandoned;
}
