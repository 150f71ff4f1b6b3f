using System.Collections.Concurrent;

namespace FaxSdk.Testing.Providers;

/// <summary>Which Retarus reports have been deleted, per data centre.</summary>
internal sealed class RetarusReportStore
{
    private readonly ConcurrentDictionary<(string DataCenter, string JobId), bool> _deleted = new();
    private readonly ConcurrentQueue<(string DataCenter, string JobId)> _log = new();

    public IEnumerable<(string DataCenter, string JobId)> Deleted => _log;

    public bool IsDeleted(string dataCenter, string jobId) => _deleted.ContainsKey((dataCenter, jobId));

    /// <returns>Whether the report existed (and is now deleted).</returns>
    public bool Delete(string dataCenter, string jobId)
    {
        if (!_deleted.TryAdd((dataCenter, jobId), true))
        {
            return false;
        }

        _log.Enqueue((dataCenter, jobId));
        return true;
    }
}
