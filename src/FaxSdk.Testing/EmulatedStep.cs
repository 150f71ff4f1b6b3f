namespace FaxSdk.Testing;

/// <summary>One timed step of a recipient's script.</summary>
/// <param name="At">When the step is reached, counted from when the job was added to the emulator.</param>
/// <param name="Phase">The phase from then on.</param>
/// <param name="Failure">Why, for <see cref="EmulatedPhase.RetryScheduled"/> and <see cref="EmulatedPhase.Failed"/>.</param>
public sealed record EmulatedStep(TimeSpan At, EmulatedPhase Phase, FaxFailureCategory? Failure = null)
{
    /// <summary>Whether the phase is final.</summary>
    public bool IsFinal => Phase is EmulatedPhase.Delivered or EmulatedPhase.Failed or EmulatedPhase.Canceled;
}
