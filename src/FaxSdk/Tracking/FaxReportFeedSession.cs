using Microsoft.Extensions.Logging;

namespace FaxSdk;

/// <summary>
/// Reads one provider instance's report feed (<see cref="IFaxReportFeedProvider"/>) for a tracker or a worker: hands
/// each report to the owner to store, and acknowledges (deletes) a report at the provider only after its status is
/// stored. Reports of jobs that finished another way (a poll, a push) are deleted when a later read finds them.
/// </summary>
internal sealed class FaxReportFeedSession
{
    /// <summary>How many complete reads may miss a finished job's report before the session stops looking for it.</summary>
    private const int MaxReadsForPendingReport = 20;

    private readonly IFaxReportFeedProvider _feed;
    private readonly bool _acknowledgeUntracked;
    private readonly FaxUpdatePublisher _publisher;
    private readonly ILogger _logger;
    private readonly Lock _lock = new();

    /// <summary>Ids of finished jobs whose report is not deleted yet → reads since that did not find it.</summary>
    private readonly Dictionary<string, int> _pending = new(StringComparer.Ordinal);

    public FaxReportFeedSession(IFaxReportFeedProvider feed, string provider, string instance, bool acknowledgeUntracked, FaxUpdatePublisher publisher, ILogger logger)
    {
        _feed = feed;
        Provider = provider;
        Instance = instance;
        _acknowledgeUntracked = acknowledgeUntracked;
        _publisher = publisher;
        _logger = logger;
    }

    /// <summary>The provider id.</summary>
    public string Provider { get; }

    /// <summary>The instance name.</summary>
    public string Instance { get; }

    /// <summary>The named lease that makes one worker at a time the feed's reader: <c>feed:{provider}:{instance}</c>.</summary>
    public string LeaseName => $"feed:{Provider}:{Instance}";

    /// <summary>When the feed is next read.</summary>
    public DateTimeOffset NextReadAt { get; set; }

    /// <summary>Whether finished jobs' reports wait to be deleted.</summary>
    public bool HasPendingAcknowledgements
    {
        get
        {
            lock (_lock)
            {
                return _pending.Count > 0;
            }
        }
    }

    /// <summary>Notes that a job of this feed finished: its report, when a read finds it, is deleted.</summary>
    public void ExpectAcknowledgement(string jobId)
    {
        lock (_lock)
        {
            _pending[jobId] = 0;
        }
    }

    /// <summary>
    /// Reads the feed once. <paramref name="store"/> gets every report read, in order, and answers for each whether
    /// its status is stored (or the job was already done): only those, reports of finished jobs, and (when asked)
    /// reports of untracked jobs are then acknowledged. When <paramref name="store"/> throws, nothing is acknowledged.
    /// </summary>
    /// <param name="store">Stores the reports' statuses.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>How many reports were read.</returns>
    public async Task<int> ReadAsync(Func<IReadOnlyList<FaxReport>, CancellationToken, Task<IReadOnlyList<bool>>> store, CancellationToken cancellationToken)
    {
        var reports = new List<FaxReport>();
        try
        {
            await foreach (var report in _feed.ReadReportsAsync(cancellationToken).ConfigureAwait(false))
            {
                reports.Add(report);
            }
        }
        catch (FaxSdkException exception) when (!cancellationToken.IsCancellationRequested)
        {
            Log.FeedFailed(_logger, Provider, Instance, exception.GetType().Name);
            _publisher.Failed(new FaxPollFailure { Provider = Provider, Instance = Instance, Error = exception, ConsecutiveFailures = 1 });
            return 0;
        }

        var stored = reports.Count == 0 ? [] : await store(reports, cancellationToken).ConfigureAwait(false);
        var acknowledge = new List<FaxReport>();
        lock (_lock)
        {
            var seen = new HashSet<string>(reports.Select(r => r.Status.JobId), StringComparer.Ordinal);
            for (var i = 0; i < reports.Count; i++)
            {
                if (stored[i] || _pending.ContainsKey(reports[i].Status.JobId) || _acknowledgeUntracked)
                {
                    acknowledge.Add(reports[i]);
                }
            }

            // A report another reader consumed never comes back: stop waiting for it after a while.
            foreach (var id in _pending.Keys.Where(id => !seen.Contains(id)).ToList())
            {
                if (++_pending[id] > MaxReadsForPendingReport)
                {
                    _pending.Remove(id);
                }
            }
        }

        if (acknowledge.Count > 0)
        {
            await AcknowledgeAsync(acknowledge, cancellationToken).ConfigureAwait(false);
        }

        return reports.Count;
    }

    private async Task AcknowledgeAsync(List<FaxReport> reports, CancellationToken cancellationToken)
    {
        try
        {
            await _feed.AcknowledgeAsync(reports, cancellationToken).ConfigureAwait(false);
            lock (_lock)
            {
                foreach (var report in reports)
                {
                    _pending.Remove(report.Status.JobId);
                }
            }
        }
        catch (FaxSdkException exception) when (!cancellationToken.IsCancellationRequested)
        {
            // The reports stay on the provider: their statuses are stored, so the next read deletes them.
            Log.AcknowledgeFailed(_logger, reports.Count, Provider, Instance, exception.GetType().Name);
            lock (_lock)
            {
                foreach (var report in reports)
                {
                    _pending[report.Status.JobId] = 0;
                }
            }

            _publisher.Failed(new FaxPollFailure { Provider = Provider, Instance = Instance, Error = exception, ConsecutiveFailures = 1 });
        }
    }
}
