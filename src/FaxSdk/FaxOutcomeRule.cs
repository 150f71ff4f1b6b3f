namespace FaxSdk;

/// <summary>
/// The one rule that turns what a provider reported into a consistent canonical outcome. Every provider parser,
/// built-in or custom, passes its result through <see cref="Apply(FaxJobStatus)"/>.
/// </summary>
/// <remarks>
/// <list type="number">
/// <item><description>A job that is not terminal (<see cref="FaxJobState.Pending"/>, <see cref="FaxJobState.InProgress"/>,
/// <see cref="FaxJobState.Paused"/>, <see cref="FaxJobState.Unknown"/>) keeps its state.</description></item>
/// <item><description>A <see cref="FaxJobState.Canceled"/> job stays canceled.</description></item>
/// <item><description>No silent terminal failure from a contradiction: a job the provider reports as finished
/// (<see cref="FaxJobState.Succeeded"/>, <see cref="FaxJobState.PartiallySucceeded"/> or <see cref="FaxJobState.Failed"/>)
/// while a recipient is not terminal is not final. It becomes <see cref="FaxJobState.InProgress"/> when a recipient is
/// still being worked on (<see cref="FaxRecipientState.Pending"/>, <see cref="FaxRecipientState.Dialing"/>,
/// <see cref="FaxRecipientState.Transmitting"/>, <see cref="FaxRecipientState.RetryScheduled"/>), otherwise
/// <see cref="FaxJobState.Unknown"/> (a recipient whose state nobody knows yet). Either way polling and tracking go on,
/// and the provider's own value stays in <see cref="FaxJobStatus.ProviderStatus"/>.</description></item>
/// <item><description>A job the provider reports as finished whose recipients are all terminal takes its
/// outcome from them: every recipient <see cref="FaxRecipientState.Succeeded"/> gives
/// <see cref="FaxJobState.Succeeded"/>; none gives <see cref="FaxJobState.Failed"/> (or
/// <see cref="FaxJobState.Canceled"/> when every recipient was canceled); some gives
/// <see cref="FaxJobState.PartiallySucceeded"/>. Only a recipient that reached <see cref="FaxRecipientState.Succeeded"/>
/// counts as delivered, so a provider's "finished" or "success" with a failed recipient is never
/// <see cref="FaxJobState.Succeeded"/>.</description></item>
/// <item><description>Errors: when a single-recipient job and its recipient failed and only one of them carries an error,
/// the other gets the same error. A failed recipient without an error gets one of category
/// <see cref="FaxFailureCategory.Unknown"/>. A failed job without an error takes its first failed recipient's error,
/// or one of category <see cref="FaxFailureCategory.Unknown"/>.</description></item>
/// </list>
/// The rule is idempotent: applying it to its own result changes nothing.
/// </remarks>
public static class FaxOutcomeRule
{
    /// <summary>Applies the outcome rule.</summary>
    /// <param name="reported">The status as read from the provider.</param>
    /// <returns>The status with a consistent state and errors; <paramref name="reported"/> itself when nothing changes.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="reported"/> is <see langword="null"/>.</exception>
    public static FaxJobStatus Apply(FaxJobStatus reported)
    {
        ArgumentNullException.ThrowIfNull(reported);

        var state = Outcome(reported.State, reported.Recipients);
        var recipients = FillRecipientErrors(reported);
        var error = reported.Error;
        if (state == FaxJobState.Failed && error is null)
        {
            error = FirstFailedRecipientError(recipients) ?? new FaxError(FaxFailureCategory.Unknown, null, "No recipient received the fax.");
        }

        if (state == reported.State && ReferenceEquals(error, reported.Error) && ReferenceEquals(recipients, reported.Recipients))
        {
            return reported;
        }

        return reported with { State = state, Error = error, Recipients = recipients };
    }

    /// <summary>The job state the rule gives for a reported state and recipient list (errors aside).</summary>
    /// <param name="reported">The state the provider reported.</param>
    /// <param name="recipients">The per-recipient results.</param>
    /// <returns>The canonical job state.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="recipients"/> is <see langword="null"/>.</exception>
    public static FaxJobState Outcome(FaxJobState reported, IReadOnlyList<FaxRecipientStatus> recipients)
    {
        ArgumentNullException.ThrowIfNull(recipients);
        if (reported is not (FaxJobState.Succeeded or FaxJobState.PartiallySucceeded or FaxJobState.Failed) || recipients.Count == 0)
        {
            return reported;
        }

        int delivered = 0, canceled = 0, active = 0, unknown = 0;
        for (var i = 0; i < recipients.Count; i++) // by index: no enumerator allocated per status
        {
            switch (recipients[i].State)
            {
                case FaxRecipientState.Succeeded: delivered++; break;
                case FaxRecipientState.Canceled: canceled++; break;
                case FaxRecipientState.Failed: break;
                case FaxRecipientState.Pending or FaxRecipientState.Dialing or FaxRecipientState.Transmitting or FaxRecipientState.RetryScheduled: active++; break;
                default: unknown++; break;
            }
        }

        if (active > 0) return FaxJobState.InProgress;
        if (unknown > 0) return FaxJobState.Unknown;

        if (delivered == recipients.Count) return FaxJobState.Succeeded;
        if (delivered > 0) return FaxJobState.PartiallySucceeded;
        return canceled == recipients.Count ? FaxJobState.Canceled : FaxJobState.Failed;
    }

    private static IReadOnlyList<FaxRecipientStatus> FillRecipientErrors(FaxJobStatus reported)
    {
        var recipients = reported.Recipients;
        FaxRecipientStatus[]? changed = null;
        for (var i = 0; i < recipients.Count; i++)
        {
            var recipient = recipients[i];
            if (recipient.State != FaxRecipientState.Failed || recipient.Error is not null)
            {
                continue;
            }

            var error = recipients.Count == 1 && reported.Error is not null
                ? reported.Error
                : new FaxError(FaxFailureCategory.Unknown, null, null);
            changed ??= [.. recipients];
            changed[i] = recipient with { Error = error };
        }

        return changed ?? recipients;
    }

    private static FaxError? FirstFailedRecipientError(IReadOnlyList<FaxRecipientStatus> recipients)
    {
        for (var i = 0; i < recipients.Count; i++)
        {
            if (recipients[i] is { State: FaxRecipientState.Failed, Error: { } error })
            {
                return error;
            }
        }

        return null;
    }
}
