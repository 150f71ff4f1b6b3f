using FaxSdk.Retarus.Reading;
using FaxSdk.Transport;

namespace FaxSdk.Retarus;

/// <summary>Reads Retarus Fax-for-Applications (REST v1) status reports into the canonical model.</summary>
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
/// <para>The body is read once, straight into the model (members in any order, names case-insensitive).</para>
/// </remarks>
public static class RetarusStatusParser
{
    /// <summary>The provider id, <c>retarus</c>.</summary>
    public const string ProviderId = "retarus";

    /// <summary>What a body should be, for messages.</summary>
    internal const string ExpectedShape =
        "a report list {\"reports\": [...]} or a report {\"jobId\", \"recipientStatus\": [...], \"pages\", \"reference\"}";

    /// <summary>Reads a report list (<c>{"reports": [...]}</c>) or a single report.</summary>
    /// <param name="utf8Json">The body.</param>
    /// <returns>One status per report, in order.</returns>
    /// <exception cref="FaxProtocolException">The body is unreadable, over <see cref="FaxPayloadLimits"/>, not a report
    /// (see remarks), or a report has no <c>jobId</c>.</exception>
    public static IReadOnlyList<FaxJobStatus> Parse(ReadOnlySpan<byte> utf8Json)
    {
        var reader = new RetarusReportJsonReader(utf8Json, references: false, numIds: false);
        try
        {
            var reports = reader.Read();
            var statuses = new FaxJobStatus[reports.Length];
            for (var i = 0; i < statuses.Length; i++)
            {
                statuses[i] = reports[i].Status;
            }

            return statuses;
        }
        finally
        {
            reader.Dispose();
        }
    }

    /// <summary>Reads a report list or a single report, with the reference values and where it was read from.</summary>
    /// <param name="utf8Json">The body.</param>
    /// <param name="location">The data centre it was read from, if known.</param>
    /// <returns>One report per job, in order.</returns>
    /// <exception cref="FaxProtocolException">The body is unreadable, over <see cref="FaxPayloadLimits"/>, not a report
    /// (see remarks), or a report has no <c>jobId</c>.</exception>
    public static IReadOnlyList<FaxReport> ParseReports(ReadOnlySpan<byte> utf8Json, string? location)
    {
        var reader = new RetarusReportJsonReader(utf8Json, references: true, numIds: false);
        try
        {
            var read = reader.Read();
            var reports = new FaxReport[read.Length];
            for (var i = 0; i < reports.Length; i++)
            {
                reports[i] = RetarusReportModel.Report(read[i].Status, read[i].BillingCode, read[i].BillingInfo, location);
            }

            return reports;
        }
        finally
        {
            reader.Dispose();
        }
    }
}
