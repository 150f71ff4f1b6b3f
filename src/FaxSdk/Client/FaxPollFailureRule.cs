namespace FaxSdk;

/// <summary>The one place that decides what a failed poll means (<see cref="FaxPollErrorPolicy"/>): waits, watches,
/// the in-memory tracker and the store-backed worker all ask it.</summary>
internal static class FaxPollFailureRule
{
    /// <summary>Decides what follows a failed poll.</summary>
    /// <param name="schedule">The polling schedule.</param>
    /// <param name="policy">The error policy.</param>
    /// <param name="interval">The polling interval before the failure.</param>
    /// <param name="consecutiveErrors">Failed polls in a row before this one.</param>
    /// <param name="error">The failure.</param>
    /// <returns>The decision.</returns>
    public static FaxPollFailureDecision Decide(FaxPollingSchedule schedule, FaxPollErrorPolicy policy, TimeSpan interval, int consecutiveErrors, Exception error)
    {
        var errors = consecutiveErrors == int.MaxValue ? consecutiveErrors : consecutiveErrors + 1;
        var kind = error switch
        {
            FaxJobNotFoundException => FaxPollFailureKind.NotFound,
            _ when FaxStatusClient.IsTransient(error) => FaxPollFailureKind.Transient,
            _ => FaxPollFailureKind.Permanent,
        };
        var next = kind == FaxPollFailureKind.Permanent ? schedule.MaximumInterval : schedule.Grow(interval);
        return new FaxPollFailureDecision
        {
            Kind = kind,
            Interval = next,
            Delay = FaxStatusClient.DelayAfterError(schedule, next, error),
            ConsecutiveErrors = errors,
            Abandon = kind == FaxPollFailureKind.NotFound && errors >= policy.MaxNotFoundPolls,
        };
    }
}

/// <summary>How a poll failed, as <see cref="FaxPollFailureRule"/> sees it.</summary>
internal enum FaxPollFailureKind
{
    /// <summary>Worth trying again soon: unavailable, rate limited, unreadable.</summary>
    Transient,

    /// <summary>The provider does not know the job (yet).</summary>
    NotFound,

    /// <summary>Trying again will not help soon: authentication, configuration.</summary>
    Permanent,
}

/// <summary>What follows a failed poll.</summary>
internal readonly record struct FaxPollFailureDecision
{
    /// <summary>How it failed.</summary>
    public required FaxPollFailureKind Kind { get; init; }

    /// <summary>The polling interval from now on.</summary>
    public required TimeSpan Interval { get; init; }

    /// <summary>How long until the next poll (jittered; Retry-After when longer).</summary>
    public required TimeSpan Delay { get; init; }

    /// <summary>Failed polls in a row, this one included.</summary>
    public required int ConsecutiveErrors { get; init; }

    /// <summary>Whether the job is given up: no more polls.</summary>
    public required bool Abandon { get; init; }
}
