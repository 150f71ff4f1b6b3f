namespace FaxSdk;

/// <summary>
/// A provider that hands over completed jobs as a feed of reports which must be deleted after use. Nothing is lost:
/// a report is deleted only when <see cref="AcknowledgeAsync"/> is called for it, so a report that was read but not
/// acknowledged (the process died, the handler threw) is read again next time.
/// </summary>
public interface IFaxReportFeedProvider : IFaxStatusProvider
{
    /// <summary>Reads the reports currently available (a provider may return a bounded page, oldest first; acknowledge them to see the next ones).</summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>Each job's report once, even when it is stored in several places.</returns>
    IAsyncEnumerable<FaxReport> ReadReportsAsync(CancellationToken cancellationToken = default);

    /// <summary>Deletes processed reports from the provider. Failed deletions are retried; what still fails is reported, never dropped.</summary>
    /// <param name="reports">Reports from <see cref="ReadReportsAsync"/> that the caller has processed.</param>
    /// <param name="cancellationToken">Cancels the deletion.</param>
    /// <returns>A task that completes when every report is deleted.</returns>
    /// <exception cref="FaxSdkException">Some reports could not be deleted after retries; they will be read again.</exception>
    Task AcknowledgeAsync(IReadOnlyList<FaxReport> reports, CancellationToken cancellationToken = default);
}
