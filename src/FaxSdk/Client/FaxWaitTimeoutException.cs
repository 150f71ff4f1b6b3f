namespace FaxSdk;

/// <summary>Thrown by <see cref="FaxStatusClient.WatchAsync"/> when its <see cref="FaxWaitOptions.Timeout"/> passes before the job is final.</summary>
public sealed class FaxWaitTimeoutException : FaxSdkException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="provider">The provider id.</param>
    /// <param name="message">What happened.</param>
    /// <param name="resumeState">Where the wait stood.</param>
    public FaxWaitTimeoutException(string provider, string message, FaxWaitState resumeState)
        : base(provider, message)
    {
        ArgumentNullException.ThrowIfNull(resumeState);
        ResumeState = resumeState;
    }

    /// <summary>Where the wait stood; its <see cref="FaxWaitState.LastStatus"/> is the last status seen.</summary>
    public FaxWaitState ResumeState { get; }
}
