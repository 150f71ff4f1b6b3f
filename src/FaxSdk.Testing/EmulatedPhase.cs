namespace FaxSdk.Testing;

/// <summary>Where one emulated recipient's delivery stands at a step of its script.</summary>
public enum EmulatedPhase
{
    /// <summary>Waiting to be called.</summary>
    Queued,

    /// <summary>The call is being placed or is ringing.</summary>
    Dialing,

    /// <summary>Pages are being sent.</summary>
    Transmitting,

    /// <summary>The last call failed (with <see cref="EmulatedStep.Failure"/>); the provider will call again.</summary>
    RetryScheduled,

    /// <summary>Delivered. Final.</summary>
    Delivered,

    /// <summary>Failed for good (with <see cref="EmulatedStep.Failure"/>). Final.</summary>
    Failed,

    /// <summary>Canceled. Final.</summary>
    Canceled,
}
