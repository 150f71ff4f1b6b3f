namespace FaxSdk.Testing.Providers;

/// <summary>One push a job's script produces, before faults are applied.</summary>
/// <param name="At">When, counted from when the job was added, the job reaches the point the push reports.</param>
/// <param name="Event">What it reports (see <see cref="EmulatedPush.Event"/>).</param>
/// <param name="IsFinal">Whether it reports the job's final state.</param>
internal sealed record PlannedPush(TimeSpan At, string Event, bool IsFinal)
{
    /// <summary>The recipient an in-flight Phaxio event is about.</summary>
    public string? RecipientPhoneNumber { get; init; }

    /// <summary>The page of a Phaxio <c>transmitting_page</c> event.</summary>
    public int Page { get; init; }

    /// <summary>The <c>retry_count</c> of a Phaxio <c>retry_scheduled</c> event.</summary>
    public int RetryCount { get; init; }
}
