using System.Collections.Concurrent;

namespace FaxSdk.Testing.Providers;

/// <summary>The Retarus reports of each data centre: which are listed, in what order, and which have been deleted.</summary>
internal sealed class RetarusReportStore
{
    private readonly ConcurrentDictionary<(string DataCenter, string JobId), bool> _deleted = new();
    private readonly ConcurrentQueue<(string DataCenter, string JobId)> _log = new();
    private readonly Dictionary<string, RetarusReportQueue> _queues =
        FaxEmulator.RetarusDataCenterNames.ToDictionary(name => name, _ => new RetarusReportQueue(), StringComparer.Ordinal);

    public IEnumerable<(string DataCenter, string JobId)> Deleted => _log;

    /// <summary>Files a Retarus job's report with every emulated data centre that holds it.</summary>
    /// <param name="run">The job.</param>
    public void Add(EmulatedJobRun run)
    {
        foreach (var dataCenter in run.Job.DataCenters)
        {
            _queues.GetValueOrDefault(dataCenter)?.Add(run);
        }
    }

    /// <summary>The data centre's report queue.</summary>
    /// <param name="dataCenter">One of <see cref="FaxEmulator.RetarusDataCenterNames"/>.</param>
    /// <returns>Its queue.</returns>
    public RetarusReportQueue Of(string dataCenter) => _queues[dataCenter];

    public bool IsDeleted(string dataCenter, string jobId) => _deleted.ContainsKey((dataCenter, jobId));

    /// <returns>Whether the report existed (and is now deleted).</returns>
    public bool Delete(string dataCenter, string jobId)
    {
        if (!_deleted.TryAdd((dataCenter, jobId), true))
        {
            return false;
        }

        _queues.GetValueOrDefault(dataCenter)?.Remove(jobId);
        _log.Enqueue((dataCenter, jobId));
        return true;
    }
}
