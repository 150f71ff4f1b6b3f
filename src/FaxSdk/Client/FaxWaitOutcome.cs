namespace FaxSdk;

/// <summary>How a wait for a job ended.</summary>
public enum FaxWaitOutcome
{
    /// <summary>The job reached a final state (whatever the outcome: succeeded, failed, canceled…).</summary>
    Completed,

    /// <summary>The wait's <see cref="FaxWaitOptions.Timeout"/> passed before the job was final.</summary>
    TimedOut,
}
