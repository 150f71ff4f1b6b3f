namespace FaxSdk;

/// <summary>The result of <see cref="FaxStatusClient.WaitForCompletionAsync"/>.</summary>
public sealed record FaxWaitResult
{
    /// <summary>The job waited for.</summary>
    public required FaxJobReference Job { get; init; }

    /// <summary>How the wait ended.</summary>
    public required FaxWaitOutcome Outcome { get; init; }

    /// <summary>The last status read: final when <see cref="Outcome"/> is <see cref="FaxWaitOutcome.Completed"/>;
    /// <see langword="null"/> when the wait timed out before any poll succeeded.</summary>
    public FaxJobStatus? Status { get; init; }

    /// <summary>Whether the job is final (<see cref="Outcome"/> is <see cref="FaxWaitOutcome.Completed"/>).</summary>
    public bool IsCompleted => Outcome == FaxWaitOutcome.Completed;

    /// <summary>What to pass as <see cref="FaxWaitOptions.ResumeFrom"/> to continue the wait later.</summary>
    public required FaxWaitState ResumeState { get; init; }
}
