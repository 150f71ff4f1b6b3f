namespace FaxSdk;

/// <summary>How many jobs a tracking store holds, by condition (health checks and metrics).</summary>
public sealed record FaxTrackingCounts
{
    /// <summary>Every tracked job.</summary>
    public long Total { get; init; }

    /// <summary>Jobs not done whose next poll is due now.</summary>
    public long Due { get; init; }

    /// <summary>Jobs under an unexpired lease.</summary>
    public long Leased { get; init; }

    /// <summary>Jobs with a final status.</summary>
    public long Final { get; init; }

    /// <summary>Jobs abandoned without a final status.</summary>
    public long Abandoned { get; init; }

    /// <summary>Final jobs whose completion the application has not handled yet.</summary>
    public long CompletionsPending { get; init; }
}
