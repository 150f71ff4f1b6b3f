namespace FaxSdk.Testing;

/// <summary>A scripted fax job the emulator serves, with presets for every lifecycle tests need.</summary>
public sealed record EmulatedJob
{
    /// <summary>Creates a job.</summary>
    /// <param name="provider">The provider id: <c>phaxio</c>, <c>stonefax</c>, <c>pantarey</c>, <c>concord</c> or <c>retarus</c>.</param>
    /// <param name="jobId">The job id (any text: ids with <c>/</c>, <c>..</c>, <c>%</c> or spaces are served as one path segment).</param>
    /// <param name="recipients">The recipients and their scripts.</param>
    /// <exception cref="ArgumentException">An argument is empty or the provider is not emulated.</exception>
    public EmulatedJob(string provider, string jobId, IReadOnlyList<EmulatedRecipient> recipients)
    {
        ArgumentException.ThrowIfNullOrEmpty(provider);
        ArgumentException.ThrowIfNullOrEmpty(jobId);
        ArgumentNullException.ThrowIfNull(recipients);
        if (!FaxEmulator.Providers.Contains(provider))
        {
            throw new ArgumentException($"The emulator does not serve '{provider}' (it serves {string.Join(", ", FaxEmulator.Providers)}).", nameof(provider));
        }

        if (recipients.Count == 0)
        {
            throw new ArgumentException("A job needs at least one recipient.", nameof(recipients));
        }

        Provider = provider;
        JobId = jobId;
        Recipients = recipients;
    }

    /// <summary>The provider id.</summary>
    public string Provider { get; }

    /// <summary>The job id.</summary>
    public string JobId { get; }

    /// <summary>The recipients.</summary>
    public IReadOnlyList<EmulatedRecipient> Recipients { get; }

    /// <summary>Whether the job lives in the provider's sandbox (Pantarey finds it only when queried with <c>test: true</c>).</summary>
    public bool IsTest { get; init; }

    /// <summary>The number of pages.</summary>
    public int Pages { get; init; } = 1;

    /// <summary>The Retarus data centres holding the job's report (default the first, <c>DE1</c>); two names emulate a report seen on both.</summary>
    public IReadOnlyList<string> DataCenters { get; init; } = ["DE1"];

    /// <summary>A window in which the job is paused (Pantarey <c>halted</c>), counted from when the job was added.</summary>
    public (TimeSpan From, TimeSpan Until)? Paused { get; init; }

    /// <summary>
    /// The canonical final state a correct client reports once the script has run. StoneFax reports one status per
    /// fax, so a StoneFax job that is not delivered to every recipient ends <see cref="FaxJobState.Failed"/>.
    /// </summary>
    public FaxJobState ExpectedFinalState
    {
        get
        {
            var finals = Recipients.Select(r => r.Final?.Phase).ToList();
            if (finals.Any(p => p is null))
            {
                return FaxJobState.InProgress;
            }

            var outcomes = FaxEmulator.OutcomesOf(Provider);
            var delivered = finals.Count(p => p == EmulatedPhase.Delivered);
            if (finals.All(p => p == EmulatedPhase.Canceled))
            {
                return outcomes.CancelReadsAsFailure ? FaxJobState.Failed : FaxJobState.Canceled;
            }

            if (delivered == finals.Count)
            {
                return FaxJobState.Succeeded;
            }

            return delivered > 0 && outcomes.ReportsPartialSuccess ? FaxJobState.PartiallySucceeded : FaxJobState.Failed;
        }
    }

    /// <summary>When the last step of the script happens.</summary>
    public TimeSpan Duration => Recipients.Max(r => r.Steps[^1].At);

    /// <summary>Queued, dialling, transmitting, delivered.</summary>
    /// <param name="provider">The provider id.</param>
    /// <param name="jobId">The job id.</param>
    /// <param name="recipients">How many recipients (all delivered).</param>
    /// <param name="step">The time between steps (default one second).</param>
    /// <returns>The job.</returns>
    public static EmulatedJob Succeeds(string provider, string jobId, int recipients = 1, TimeSpan? step = null) =>
        new(provider, jobId, Enumerable.Range(0, recipients).Select(i => Recipient(i, Delivered(step ?? TimeSpan.FromSeconds(1)))).ToList());

    /// <summary>Queued, dialling, then failed for good.</summary>
    /// <param name="provider">The provider id.</param>
    /// <param name="jobId">The job id.</param>
    /// <param name="failure">Why.</param>
    /// <param name="step">The time between steps.</param>
    /// <returns>The job.</returns>
    public static EmulatedJob Fails(string provider, string jobId, FaxFailureCategory failure, TimeSpan? step = null) =>
        new(provider, jobId, [Recipient(0, FailedSteps(step ?? TimeSpan.FromSeconds(1), failure))]);

    /// <summary>One recipient delivered, one failed.</summary>
    /// <param name="provider">The provider id.</param>
    /// <param name="jobId">The job id.</param>
    /// <param name="failure">Why the second recipient failed.</param>
    /// <param name="step">The time between steps.</param>
    /// <returns>The job.</returns>
    public static EmulatedJob PartiallySucceeds(string provider, string jobId, FaxFailureCategory failure = FaxFailureCategory.Busy, TimeSpan? step = null) =>
        new(provider, jobId, [Recipient(0, Delivered(step ?? TimeSpan.FromSeconds(1))), Recipient(1, FailedSteps(step ?? TimeSpan.FromSeconds(1), failure))]);

    /// <summary>The first call fails (retry scheduled), the second delivers.</summary>
    /// <param name="provider">The provider id.</param>
    /// <param name="jobId">The job id.</param>
    /// <param name="firstFailure">Why the first call failed.</param>
    /// <param name="step">The time between steps.</param>
    /// <returns>The job.</returns>
    public static EmulatedJob RetriesThenSucceeds(string provider, string jobId, FaxFailureCategory firstFailure = FaxFailureCategory.Busy, TimeSpan? step = null)
    {
        var s = step ?? TimeSpan.FromSeconds(1);
        return new(provider, jobId,
        [
            Recipient(0,
            [
                new(TimeSpan.Zero, EmulatedPhase.Queued), new(s, EmulatedPhase.Dialing),
                new(2 * s, EmulatedPhase.RetryScheduled, firstFailure), new(4 * s, EmulatedPhase.Dialing),
                new(5 * s, EmulatedPhase.Transmitting), new(7 * s, EmulatedPhase.Delivered),
            ]),
        ]);
    }

    /// <summary>Canceled while queued.</summary>
    /// <param name="provider">The provider id.</param>
    /// <param name="jobId">The job id.</param>
    /// <param name="step">The time between steps.</param>
    /// <returns>The job.</returns>
    public static EmulatedJob Canceled(string provider, string jobId, TimeSpan? step = null) =>
        new(provider, jobId, [Recipient(0, [new(TimeSpan.Zero, EmulatedPhase.Queued), new(2 * (step ?? TimeSpan.FromSeconds(1)), EmulatedPhase.Canceled)])]);

    /// <summary>Paused (Pantarey <c>halted</c>) for a while, then delivered.</summary>
    /// <param name="provider">The provider id.</param>
    /// <param name="jobId">The job id.</param>
    /// <param name="step">The time between steps.</param>
    /// <returns>The job.</returns>
    public static EmulatedJob PausedThenSucceeds(string provider, string jobId, TimeSpan? step = null)
    {
        var s = step ?? TimeSpan.FromSeconds(1);
        return new EmulatedJob(provider, jobId,
            [Recipient(0, [new(TimeSpan.Zero, EmulatedPhase.Queued), new(4 * s, EmulatedPhase.Dialing), new(5 * s, EmulatedPhase.Transmitting), new(6 * s, EmulatedPhase.Delivered)])])
        {
            Paused = (s, 3 * s),
        };
    }

    private static EmulatedRecipient Recipient(int index, IReadOnlyList<EmulatedStep> steps) =>
        new($"+1555010{index:D4}", steps, index == 0 ? "Front desk" : null);

    private static EmulatedStep[] Delivered(TimeSpan s) =>
        [new(TimeSpan.Zero, EmulatedPhase.Queued), new(s, EmulatedPhase.Dialing), new(2 * s, EmulatedPhase.Transmitting), new(4 * s, EmulatedPhase.Delivered)];

    private static EmulatedStep[] FailedSteps(TimeSpan s, FaxFailureCategory failure) =>
        [new(TimeSpan.Zero, EmulatedPhase.Queued), new(s, EmulatedPhase.Dialing), new(3 * s, EmulatedPhase.Failed, failure)];
}
