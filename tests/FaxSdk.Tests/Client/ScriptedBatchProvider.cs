using System.Collections.Concurrent;

namespace FaxSdk.Tests.Client;

/// <summary>A scripted provider that answers many jobs per call and records each batch.</summary>
internal sealed class ScriptedBatchProvider(string providerId) : ScriptedProvider(providerId), IFaxBatchStatusProvider
{
    public ConcurrentQueue<IReadOnlyList<string>> Batches { get; } = new();

    public Task<IReadOnlyList<FaxJobStatus>> GetStatusesAsync(IReadOnlyList<FaxJobReference> jobs, CancellationToken cancellationToken = default)
    {
        Batches.Enqueue([.. jobs.Select(j => j.JobId)]);
        IReadOnlyList<FaxJobStatus> statuses = [.. jobs.Select(j => Next(j.JobId))];
        return Task.FromResult(statuses);
    }
}
