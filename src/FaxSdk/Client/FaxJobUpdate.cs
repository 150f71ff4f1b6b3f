namespace FaxSdk;

/// <summary>A change a <see cref="FaxJobTracker"/> saw in one job.</summary>
public sealed record FaxJobUpdate
{
    /// <summary>The job.</summary>
    public required FaxJobReference Job { get; init; }

    /// <summary>Its status now.</summary>
    public required FaxJobStatus Status { get; init; }

    /// <summary>The status reported before, or <see langword="null"/> for the first status seen.</summary>
    public FaxJobStatus? Previous { get; init; }

    /// <summary>Whether the job is now final (the tracker stops following it; this is its last update).</summary>
    public bool IsCompleted => Status.IsTerminal;
}
