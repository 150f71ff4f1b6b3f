using System.Collections.Concurrent;
using System.Runtime.CompilerServices;

namespace FaxSdk.Tests.Client;

/// <summary>A scripted provider with a report feed: reports stay on the "server" until acknowledged.</summary>
internal sealed class ScriptedFeedProvider(string providerId) : ScriptedProvider(providerId), IFaxReportFeedProvider
{
    private readonly List<FaxReport> _server = [];

    public ConcurrentQueue<string> Acknowledged { get; } = new();

    public int Reads { get; private set; }

    public int FailAcknowledgements { get; set; }

    /// <summary>Called with the reports about to be deleted (to check what was stored before).</summary>
    public Action<IReadOnlyList<FaxReport>>? BeforeAcknowledge { get; set; }

    public void Publish(string jobId, FaxJobState state)
    {
        lock (_server)
        {
            _server.Add(new FaxReport { Status = Status(jobId, state), Locations = ["dc1"] });
        }
    }

    public int OnServer
    {
        get
        {
            lock (_server)
            {
                return _server.Count;
            }
        }
    }

    public async IAsyncEnumerable<FaxReport> ReadReportsAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        Reads++;
        List<FaxReport> snapshot;
        lock (_server)
        {
            snapshot = [.. _server];
        }

        foreach (var report in snapshot)
        {
            await Task.Yield();
            yield return report;
        }
    }

    public Task AcknowledgeAsync(IReadOnlyList<FaxReport> reports, CancellationToken cancellationToken = default)
    {
        if (FailAcknowledgements > 0)
        {
            FailAcknowledgements--;
            throw new FaxProviderUnavailableException(ProviderId, "delete failed");
        }

        BeforeAcknowledge?.Invoke(reports);
        lock (_server)
        {
            foreach (var report in reports)
            {
                _server.RemoveAll(r => r.Status.JobId == report.Status.JobId);
                Acknowledged.Enqueue(report.Status.JobId);
            }
        }

        return Task.CompletedTask;
    }
}
