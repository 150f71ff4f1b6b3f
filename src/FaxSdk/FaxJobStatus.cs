namespace FaxSdk;

/// <summary>Where one fax job stands, whichever provider sent it.</summary>
/// <remarks>
/// Instances built by provider parsers have been passed through <see cref="FaxOutcomeRule.Apply(FaxJobStatus)"/>,
/// so <see cref="State"/> agrees with the recipients once the job is terminal. Equality compares every member,
/// including the recipients element by element.
/// </remarks>
public sealed record FaxJobStatus
{
    /// <summary>The provider's lowercase id (<c>phaxio</c>, <c>stonefax</c>, <c>pantarey</c>, <c>concord</c>, <c>retarus</c>, or a custom provider's own).</summary>
    public required string Provider { get; init; }

    /// <summary>The job id as the provider spells it.</summary>
    public required string JobId { get; init; }

    /// <summary>The canonical job state.</summary>
    public FaxJobState State { get; init; }

    /// <summary>Whether <see cref="State"/> is final (see <see cref="FaxStateExtensions.IsTerminal(FaxJobState)"/>).</summary>
    public bool IsTerminal => State.IsTerminal();

    /// <summary>The provider's raw job status value (for example <c>partialsuccess</c> or <c>finished</c>), or <see langword="null"/> when it reported none.</summary>
    public string? ProviderStatus { get; init; }

    /// <summary>A more detailed status text from the provider, when it gives one.</summary>
    public string? Detail { get; init; }

    /// <summary>The number of pages, when the provider says.</summary>
    public int? Pages { get; init; }

    /// <summary>Whether the job was sent in the provider's test or sandbox mode (nothing was transmitted).</summary>
    public bool IsTest { get; init; }

    /// <summary>When the job was submitted, when the provider says.</summary>
    public DateTimeOffset? SubmittedAt { get; init; }

    /// <summary>When transmission started, when the provider says.</summary>
    public DateTimeOffset? StartedAt { get; init; }

    /// <summary>When the job reached its final state, when the provider says.</summary>
    public DateTimeOffset? CompletedAt { get; init; }

    /// <summary>Why the job failed; always set when <see cref="State"/> is <see cref="FaxJobState.Failed"/>.</summary>
    public FaxError? Error { get; init; }

    /// <summary>Per-recipient results; empty (never <see langword="null"/>) when the provider reported none.</summary>
    public IReadOnlyList<FaxRecipientStatus> Recipients
    {
        get;
        init => field = value ?? [];
    } = [];

    /// <summary>Compares every member, the recipients element by element.</summary>
    /// <param name="other">The status to compare with.</param>
    /// <returns><see langword="true"/> when both describe the same status.</returns>
    public bool Equals(FaxJobStatus? other) =>
        other is not null &&
        Provider == other.Provider && JobId == other.JobId && State == other.State &&
        ProviderStatus == other.ProviderStatus && Detail == other.Detail && Pages == other.Pages &&
        IsTest == other.IsTest && SubmittedAt == other.SubmittedAt && StartedAt == other.StartedAt &&
        CompletedAt == other.CompletedAt && Equals(Error, other.Error) &&
        Recipients.SequenceEqual(other.Recipients);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Provider, JobId, State, ProviderStatus, CompletedAt, Recipients.Count);
}
