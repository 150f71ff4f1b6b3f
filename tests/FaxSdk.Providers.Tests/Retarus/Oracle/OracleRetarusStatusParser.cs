using System.Text.Json;
using FaxSdk.Retarus;
using FaxSdk.Transport;

namespace FaxSdk.Providers.Tests.Retarus.Oracle;

/// <summary>THE ORACLE (issue 16): the DTO-based parser src/FaxSdk.Retarus had before it read straight into the model, kept unchanged to check the new one against.</summary>
// Original summary: Reads Retarus Fax-for-Applications (REST v1) status reports into the canonical model.
/// <remarks>
/// <para>A report exists only for a completed job, so its outcome comes from the recipients by the outcome rule. A
/// report with a recipient whose code has no final meaning is not final, so the job keeps being tracked:
/// <see cref="FaxJobState.InProgress"/> for <c>PENDING</c>, <see cref="FaxJobState.Unknown"/> for a code this version
/// does not know or none (as in <see cref="FaxOutcomeRule"/>), never a terminal failure. A
/// <c>CANCELLED</c> recipient is canceled, with a <see cref="FaxFailureCategory.Canceled"/> error (not retryable). The
/// customer reference (<c>customerDefinedId</c>, <c>billingCode</c>, <c>billingInfo</c>) is kept in
/// <see cref="FaxReport.Properties"/>, and <c>customerDefinedId</c> also in <see cref="FaxJobStatus.Detail"/>.</para>
/// <para>A body that is not a report is a <see cref="FaxProtocolException"/> that says what it is: a send receipt
/// (<c>{"jobId"}</c>), a bulk-delete receipt (<c>{"jobId", "deleted"}</c>), a bulk answer item without a report
/// (<c>{"jobId", "reason"}</c>), or JSON of another shape. Bodies are bounded by <see cref="FaxPayloadLimits"/>; an
/// unreadable <c>sentTs</c> is left <see langword="null"/>.</para>
/// </remarks>
internal static class OracleRetarusStatusParser
{
    /// <summary>The provider id, <c>retarus</c>.</summary>
    public const string ProviderId = "retarus";

    private const string ExpectedShape =
        "a report list {\"reports\": [...]} or a report {\"jobId\", \"recipientStatus\": [...], \"pages\", \"reference\"}";

    /// <summary>Reads a report list (<c>{"reports": [...]}</c>) or a single report.</summary>
    /// <param name="utf8Json">The body.</param>
    /// <returns>One status per report, in order.</returns>
    /// <exception cref="FaxProtocolException">The body is unreadable, over <see cref="FaxPayloadLimits"/>, not a report
    /// (see remarks), or a report has no <c>jobId</c>.</exception>
    public static IReadOnlyList<FaxJobStatus> Parse(ReadOnlySpan<byte> utf8Json) =>
        [.. ParseReports(utf8Json, location: null).Select(r => r.Status)];

    /// <summary>Reads a report list or a single report, with the reference values and where it was read from.</summary>
    /// <param name="utf8Json">The body.</param>
    /// <param name="location">The data centre it was read from, if known.</param>
    /// <returns>One report per job, in order.</returns>
    /// <exception cref="FaxProtocolException">The body is unreadable, over <see cref="FaxPayloadLimits"/>, not a report
    /// (see remarks), or a report has no <c>jobId</c>.</exception>
    public static IReadOnlyList<FaxReport> ParseReports(ReadOnlySpan<byte> utf8Json, string? location) =>
        [.. ReadReports(utf8Json, location).Select(r => r.Report)];

    /// <summary>Reads a report list or a single report, keeping each report's wire values (the push parser derives its delivery keys from them).</summary>
    internal static IReadOnlyList<(FaxReport Report, OracleRetarusReportDto Wire)> ReadReports(ReadOnlySpan<byte> utf8Json, string? location)
    {
        var root = FaxPayloadLimits.Inspect(utf8Json, ProviderId);
        if (root is not (JsonTokenType.None or JsonTokenType.StartObject))
        {
            throw Protocol($"the body is {FaxPayloadLimits.Describe(root)}; expected {ExpectedShape}.");
        }

        var body = Deserialize(utf8Json);
        if (body.Reports is { } list)
        {
            var reports = new (FaxReport, OracleRetarusReportDto)[list.Count];
            for (var i = 0; i < reports.Length; i++)
            {
                var where = $"reports[{i}]";
                var wire = list[i] ?? throw Protocol($"{where} is not a report object (it is null or a plain value).");
                reports[i] = (ToReport(wire, location, where), wire);
            }

            return reports;
        }

        return body.JobId is null
            ? throw Protocol($"the body is neither a report list (\"reports\") nor a report (\"jobId\"); expected {ExpectedShape}.")
            : [(ToReport(body, location, "the body"), body)];
    }

    /// <summary>The canonical report of one report's wire values (shared by the REST answers and the status push).</summary>
    internal static FaxReport ToReport(OracleRetarusReportDto report, string? location, string where)
    {
        var jobId = report.JobId ?? throw Protocol($"{where}: a report has no \"jobId\".");
        if (report.Deleted)
        {
            throw Protocol($"{where} is a bulk-delete receipt ({{\"jobId\", \"deleted\"}}) for job {Bounded(jobId)}, not a fax status report.");
        }

        if (report.RecipientStatus is null)
        {
            throw Protocol(report.Reason
                ? $"{where} is a bulk answer item without a report ({{\"jobId\", \"reason\"}}) for job {Bounded(jobId)}, not a fax status report."
                : $"{where} is a send receipt ({{\"jobId\"}}) for job {Bounded(jobId)}, not a fax status report: Retarus reports a job once it is complete.");
        }

        var recipients = new FaxRecipientStatus[report.RecipientStatus.Count];
        DateTimeOffset? completedAt = null;
        int unfinished = 0, active = 0;
        for (var i = 0; i < recipients.Length; i++)
        {
            var recipient = report.RecipientStatus[i] ?? throw Protocol($"{where}: recipientStatus[{i}] of job {Bounded(jobId)} is not a recipient object (it is null or a plain value).");
            recipients[i] = ToRecipient(recipient);
            if (!recipients[i].State.IsTerminal())
            {
                unfinished++;
                active += recipients[i].State == FaxRecipientState.Unknown ? 0 : 1;
            }

            if (recipient.SentTs is { } sent && (completedAt is null || sent > completedAt))
            {
                completedAt = sent;
            }
        }

        var properties = new Dictionary<string, string>(StringComparer.Ordinal);
        Add(properties, "customerDefinedId", report.Reference?.CustomerDefinedId);
        Add(properties, "billingCode", report.Reference?.BillingCode);
        Add(properties, "billingInfo", report.Reference?.BillingInfo);
        Add(properties, "dataCenter", location);

        var status = FaxOutcomeRule.Apply(new FaxJobStatus
        {
            Provider = ProviderId,
            JobId = jobId,

            // A report exists only for a completed job; the recipients decide the outcome. A recipient without a final
            // result contradicts that: the job is not reported final, so it keeps being tracked.
            State = recipients.Length == 0 ? FaxJobState.Unknown
                : active > 0 ? FaxJobState.InProgress
                : unfinished > 0 ? FaxJobState.Unknown
                : FaxJobState.Succeeded,
            Detail = report.Reference?.CustomerDefinedId,
            Pages = report.Pages,
            CompletedAt = unfinished > 0 ? null : completedAt,
            Recipients = recipients,
        });
        return new FaxReport { Status = status, Locations = location is null ? [] : [location], Properties = properties };
    }

    private static FaxRecipientStatus ToRecipient(OracleRetarusRecipientDto recipient)
    {
        var code = recipient.Status;
        FaxRecipientState state;
        FaxError? error = null;
        if (code is null)
        {
            state = FaxRecipientState.Unknown;
        }
        else if (RetarusRecipientOutcomeMap.TryParse(code, out var outcome))
        {
            state = outcome.ToCanonical();
            if (state == FaxRecipientState.Canceled)
            {
                error = new FaxError(FaxFailureCategory.Canceled, code, recipient.Reason);
            }
        }
        else if (RetarusFailureCodeMap.TryParse(code, out var failure))
        {
            state = FaxRecipientState.Failed;
            error = new FaxError(failure.ToCanonical(), code, recipient.Reason);
        }
        else
        {
            state = FaxRecipientState.Unknown;
        }

        return new FaxRecipientStatus
        {
            FaxNumber = recipient.Number ?? recipient.SentToNumber ?? string.Empty,
            State = state,
            ProviderStatus = code,
            CompletedAt = recipient.SentTs,
            CallDuration = recipient.DurationInSecs is >= 0 and var seconds ? TimeSpan.FromSeconds(seconds) : null,
            RemoteCsid = string.IsNullOrEmpty(recipient.RemoteCsid) ? null : recipient.RemoteCsid,
            Error = error,
        };
    }

    private static OracleRetarusReportDto Deserialize(ReadOnlySpan<byte> utf8Json)
    {
        try
        {
            return FaxJson.Deserialize(utf8Json, OracleRetarusJsonContext.Default.OracleRetarusReportDto, ProviderId);
        }
        catch (FaxProtocolException exception) when (exception.InnerException is JsonException json && !exception.Message.Contains("truncated", StringComparison.Ordinal))
        {
            var path = json.Path is { Length: > 0 } p ? $" ({Bounded(p)})" : "";
            throw new FaxProtocolException(ProviderId, $"{exception.Message.TrimEnd('.')}{path}; expected {ExpectedShape}.", json)
            {
                ResponseExcerpt = exception.ResponseExcerpt,
            };
        }
    }

    private static void Add(Dictionary<string, string> properties, string key, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            properties[key] = value;
        }
    }

    private static FaxProtocolException Protocol(string message) => new(ProviderId, $"{ProviderId}: {message}");

    private static string Bounded(string text)
    {
        var cut = text.Length > 128 ? text[..128] + "…" : text;
        return new string([.. cut.Select(c => char.IsControl(c) ? ' ' : c)]);
    }
}
