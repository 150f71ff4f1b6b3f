namespace FaxSdk;

/// <summary>Settings of <see cref="FaxStatusClient"/>, bound from the <c>FaxSdk:Client</c> configuration section when configuration is given.</summary>
public sealed class FaxStatusClientOptions
{
    /// <summary>How many requests the client (and its trackers) send at once to one provider instance. Default 4.</summary>
    public int MaxConcurrencyPerProvider { get; set; } = 4;

    /// <summary>The default polling schedule of waits, watches and trackers.</summary>
    public FaxPollingSchedule Polling { get; set; } = FaxPollingSchedule.Default;

    /// <summary>
    /// How many final statuses the client remembers so that a job it has reported final is never reported non-final
    /// again (for example when a provider's report has been deleted). Default 10,000; the oldest are forgotten first.
    /// </summary>
    public int TerminalStatusCapacity { get; set; } = 10_000;

    /// <summary>How pushed statuses are deduplicated and confirmed (<see cref="FaxStatusClient.Pushes"/>); bound from <c>FaxSdk:Client:Pushes</c>.</summary>
    public FaxPushOptions Pushes { get; set; } = new();

    /// <summary>
    /// What failed polls lead to in waits, watches and trackers (<see cref="FaxPollErrorPolicy"/>); bound from
    /// <c>FaxSdk:Client:ErrorPolicy</c>. Waits and trackers may override it.
    /// </summary>
    public FaxPollErrorPolicy ErrorPolicy { get; set; } = FaxPollErrorPolicy.Default;
}
