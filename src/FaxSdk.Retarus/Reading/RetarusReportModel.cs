using System.Text;

namespace FaxSdk.Retarus.Reading;

/// <summary>
/// The rules that turn a Retarus report's wire values into the canonical model, shared by the JSON reader (REST answers
/// and JSON push) and the XML reader (status push): recipient codes through the generated maps, the job's state from its
/// recipients, and the messages for bodies that are not reports.
/// </summary>
internal static class RetarusReportModel
{
    private const string ProviderId = RetarusStatusParser.ProviderId;

    /// <summary>What a recipient's <c>status</c> code means: its state and, for a failure or a cancellation, the error category.</summary>
    /// <param name="code">The code as UTF-8 (unescaped).</param>
    /// <param name="wire">The generated map's spelling of the code when it matched, else <see langword="null"/>.</param>
    public static (FaxRecipientState State, FaxFailureCategory? Failure) Classify(ReadOnlySpan<byte> code, out string? wire)
    {
        if (RetarusRecipientOutcomeMap.TryParseUtf8(code, out var outcome))
        {
            wire = outcome.ToWire();
            return Outcome(outcome);
        }

        if (RetarusFailureCodeMap.TryParseUtf8(code, out var failure))
        {
            wire = failure.ToWire();
            return (FaxRecipientState.Failed, failure.ToCanonical());
        }

        wire = null;
        return (FaxRecipientState.Unknown, null);
    }

    /// <summary>What a recipient's <c>status</c> code means (see <see cref="Classify(ReadOnlySpan{byte}, out string?)"/>).</summary>
    /// <param name="code">The code, or <see langword="null"/> when there is none (<see cref="FaxRecipientState.Unknown"/>).</param>
    public static (FaxRecipientState State, FaxFailureCategory? Failure) Classify(string? code) =>
        code is null ? (FaxRecipientState.Unknown, null)
        : RetarusRecipientOutcomeMap.TryParse(code, out var outcome) ? Outcome(outcome)
        : RetarusFailureCodeMap.TryParse(code, out var failure) ? (FaxRecipientState.Failed, failure.ToCanonical())
        : (FaxRecipientState.Unknown, null);

    /// <summary>A recipient's canonical result.</summary>
    /// <param name="faxNumber">The <c>number</c>, else the <c>sentToNumber</c>, else empty.</param>
    /// <param name="meaning">What the code means (<see cref="Classify(string?)"/>).</param>
    /// <param name="code">The <c>status</c> code.</param>
    /// <param name="reason">The <c>reason</c>; kept only in the error of a failed or canceled recipient.</param>
    /// <param name="sentTs">The <c>sentTs</c>.</param>
    /// <param name="durationInSecs">The <c>durationInSecs</c>; a negative one is dropped.</param>
    /// <param name="remoteCsid">The <c>remoteCsid</c>; an empty one is dropped.</param>
    public static FaxRecipientStatus Recipient(
        string faxNumber, (FaxRecipientState State, FaxFailureCategory? Failure) meaning, string? code, string? reason,
        DateTimeOffset? sentTs, int? durationInSecs, string? remoteCsid) => new()
        {
            FaxNumber = faxNumber,
            State = meaning.State,
            ProviderStatus = code,
            CompletedAt = sentTs,
            CallDuration = durationInSecs is >= 0 and var seconds ? TimeSpan.FromSeconds(seconds) : null,
            RemoteCsid = string.IsNullOrEmpty(remoteCsid) ? null : remoteCsid,
            Error = meaning.Failure is { } category ? new FaxError(category, code, reason) : null,
        };

    /// <summary>
    /// The job's status from its recipients. A report exists only for a completed job, so the recipients decide the
    /// outcome (all delivered, some, none, all canceled) through <see cref="FaxOutcomeRule.Outcome"/>; a recipient
    /// without a final result contradicts that, and the job keeps being tracked (in progress while one is pending, else
    /// unknown) with no completion time.
    /// </summary>
    public static FaxJobStatus Status(string jobId, int? pages, string? customerDefinedId, FaxRecipientStatus[] recipients)
    {
        DateTimeOffset? completedAt = null;
        foreach (var recipient in recipients)
        {
            if (recipient.CompletedAt is { } sent && (completedAt is null || sent > completedAt))
            {
                completedAt = sent;
            }
        }

        var state = recipients.Length == 0 ? FaxJobState.Unknown : FaxOutcomeRule.Outcome(FaxJobState.Succeeded, recipients);
        return FaxOutcomeRule.Apply(new FaxJobStatus
        {
            Provider = ProviderId,
            JobId = jobId,
            State = state,
            Detail = customerDefinedId,
            Pages = pages,
            CompletedAt = state is FaxJobState.InProgress or FaxJobState.Unknown ? null : completedAt,
            Error = state == FaxJobState.Failed ? FirstFailure(recipients) : null,
            Recipients = recipients,
        });
    }

    /// <summary>The report of a status: the reference values and the data centre as properties (empty ones left out).</summary>
    public static FaxReport Report(FaxJobStatus status, string? billingCode, string? billingInfo, string? location)
    {
        var properties = new Dictionary<string, string>(StringComparer.Ordinal);
        Add(properties, "customerDefinedId", status.Detail);
        Add(properties, "billingCode", billingCode);
        Add(properties, "billingInfo", billingInfo);
        Add(properties, "dataCenter", location);
        return new FaxReport { Status = status, Locations = location is null ? [] : [location], Properties = properties };
    }

    /// <summary>Why a report cannot be read, checked in this order; <see langword="null"/> when it can.</summary>
    /// <param name="where">Where the report is (<c>reports[3]</c>, <c>the body</c>).</param>
    /// <param name="jobId">The <c>jobId</c>.</param>
    /// <param name="deleted">A <c>deleted</c> member is there (a bulk-delete receipt).</param>
    /// <param name="reason">A <c>reason</c> member is there (a bulk answer item).</param>
    /// <param name="hasRecipients">A <c>recipientStatus</c> list is there.</param>
    /// <param name="nullRecipient">The index of the first recipient that is <c>null</c>, or -1.</param>
    public static string? Problem(string where, string? jobId, bool deleted, bool reason, bool hasRecipients, int nullRecipient) =>
        jobId is null ? $"{where}: a report has no \"jobId\"."
        : deleted ? $"{where} is a bulk-delete receipt ({{\"jobId\", \"deleted\"}}) for job {Bounded(jobId)}, not a fax status report."
        : !hasRecipients && reason ? $"{where} is a bulk answer item without a report ({{\"jobId\", \"reason\"}}) for job {Bounded(jobId)}, not a fax status report."
        : !hasRecipients ? $"{where} is a send receipt ({{\"jobId\"}}) for job {Bounded(jobId)}, not a fax status report: Retarus reports a job once it is complete."
        : nullRecipient >= 0 ? $"{where}: recipientStatus[{nullRecipient}] of job {Bounded(jobId)} is not a recipient object (it is null or a plain value)."
        : null;

    /// <summary>A protocol error with the provider's prefix.</summary>
    public static FaxProtocolException Protocol(string message) => new(ProviderId, $"{ProviderId}: {message}");

    /// <summary>A wire value for a message: at most 128 characters, control characters blanked.</summary>
    public static string Bounded(string text)
    {
        var cut = text.Length > 128 ? text[..128] + "…" : text;
        var builder = new StringBuilder(cut);
        for (var i = 0; i < builder.Length; i++)
        {
            builder[i] = char.IsControl(builder[i]) ? ' ' : builder[i];
        }

        return builder.ToString();
    }

    private static (FaxRecipientState, FaxFailureCategory?) Outcome(RetarusRecipientOutcome outcome)
    {
        var state = outcome.ToCanonical();
        return (state, state == FaxRecipientState.Canceled ? FaxFailureCategory.Canceled : null);
    }

    private static FaxError? FirstFailure(FaxRecipientStatus[] recipients)
    {
        foreach (var recipient in recipients)
        {
            if (recipient.State == FaxRecipientState.Failed && recipient.Error is not null)
            {
                return recipient.Error;
            }
        }

        return null;
    }

    private static void Add(Dictionary<string, string> properties, string key, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            properties[key] = value;
        }
    }
}
