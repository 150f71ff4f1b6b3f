using FaxSdk.Retarus.Dto;
using FaxSdk.Transport;

namespace FaxSdk.Retarus;

/// <summary>Reads Retarus Fax-for-Applications (REST v1) status reports into the canonical model.</summary>
/// <remarks>
/// A report exists only for a completed job, so its outcome comes from the recipients by the outcome rule. The
/// customer reference (<c>customerDefinedId</c>, <c>billingCode</c>, <c>billingInfo</c>) is kept in
/// <see cref="FaxReport.Properties"/>, and <c>customerDefinedId</c> also in <see cref="FaxJobStatus.Detail"/>.
/// </remarks>
public static class RetarusStatusParser
{
    /// <summary>The provider id, <c>retarus</c>.</summary>
    public const string ProviderId = "retarus";

    /// <summary>Reads a report list (<c>{"reports": [...]}</c>) or a single report.</summary>
    /// <param name="utf8Json">The body.</param>
    /// <returns>One status per report, in order.</returns>
    /// <exception cref="FaxProtocolException">The body is unreadable, or a report has no <c>jobId</c>.</exception>
    public static IReadOnlyList<FaxJobStatus> Parse(ReadOnlySpan<byte> utf8Json) =>
        [.. ParseReports(utf8Json, location: null).Select(r => r.Status)];

    /// <summary>Reads a report list or a single report, with the reference values and where it was read from.</summary>
    /// <param name="utf8Json">The body.</param>
    /// <param name="location">The data centre it was read from, if known.</param>
    /// <returns>One report per job, in order.</returns>
    /// <exception cref="FaxProtocolException">The body is unreadable, or a report has no <c>jobId</c>.</exception>
    public static IReadOnlyList<FaxReport> ParseReports(ReadOnlySpan<byte> utf8Json, string? location)
    {
        var body = FaxJson.Deserialize(utf8Json, RetarusJsonContext.Default.RetarusReportDto, ProviderId);
        if (body.Reports is { } list)
        {
            return [.. list.Select(r => ToReport(r, location))];
        }

        return body.JobId is null
            ? throw new FaxProtocolException(ProviderId, $"{ProviderId}: the body is neither a report list (\"reports\") nor a report (\"jobId\").")
            : [ToReport(body, location)];
    }

    private static FaxReport ToReport(RetarusReportDto report, string? location)
    {
        var jobId = report.JobId ?? throw new FaxProtocolException(ProviderId, $"{ProviderId}: a report has no \"jobId\".");
        var recipients = report.RecipientStatus is { Count: > 0 } list ? new FaxRecipientStatus[list.Count] : [];
        DateTimeOffset? completedAt = null;
        for (var i = 0; i < recipients.Length; i++)
        {
            var recipient = report.RecipientStatus![i];
            recipients[i] = ToRecipient(recipient);
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

            // A report exists only for a completed job; the recipients decide the outcome.
            State = recipients.Length == 0 ? FaxJobState.Unknown : FaxJobState.Succeeded,
            Detail = report.Reference?.CustomerDefinedId,
            Pages = report.Pages,
            CompletedAt = completedAt,
            Recipients = recipients,
        });
        return new FaxReport { Status = status, Locations = location is null ? [] : [location], Properties = properties };
    }

    private static FaxRecipientStatus ToRecipient(RetarusRecipientDto recipient)
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
            CallDuration = recipient.DurationInSecs is { } seconds ? TimeSpan.FromSeconds(seconds) : null,
            RemoteCsid = string.IsNullOrEmpty(recipient.RemoteCsid) ? null : recipient.RemoteCsid,
            Error = error,
        };
    }

    private static void Add(Dictionary<string, string> properties, string key, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            properties[key] = value;
        }
    }
}
