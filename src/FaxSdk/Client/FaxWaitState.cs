namespace FaxSdk;

/// <summary>
/// Where a wait for one job stands, to be saved (it serialises with <see cref="Serialization.FaxSdkJsonContext"/>) and
/// passed back as <see cref="FaxWaitOptions.ResumeFrom"/> after a restart.
/// </summary>
public sealed record FaxWaitState
{
    /// <summary>The job waited for.</summary>
    public required FaxJobReference Job { get; init; }

    /// <summary>The last status read, or <see langword="null"/> before the first successful poll.</summary>
    public FaxJobStatus? LastStatus { get; init; }

    /// <summary>How many polls succeeded so far.</summary>
    public int Polls { get; init; }

    /// <summary>The current polling interval (before jitter).</summary>
    public TimeSpan Interval { get; init; }

    /// <summary>When the next poll is due, or <see langword="null"/> to poll at once.</summary>
    public DateTimeOffset? NextPollAt { get; init; }
}
