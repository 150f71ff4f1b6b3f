namespace FaxSdk;

/// <summary>How a wait for a job ended.</summary>
public enum FaxWaitOutcome
{
    /// <summary>The job reached a final state (whatever the outcome: succeeded, failed, canceled…).</summary>
    Completed,

    /// <summary>The wait's <see cref="FaxWaitOptions.Timeout"/> passed before the job was final.</summary>
    TimedOut,

    /// <summary>
    /// The job was given up: the provider answered "job not found" <see cref="FaxPollErrorPolicy.MaxNotFoundPolls"/>
    /// polls in a row (see <see cref="FaxWaitOptions.ErrorPolicy"/>), as trackers give such a job up.
    /// </summary>
    Abandoned,
}
