namespace FaxSdk;

/// <summary>The registered <see cref="IFaxJobTracking"/>: adds jobs to the shared store, first due at once.</summary>
internal sealed class FaxJobTracking(IFaxTrackingStore store, FaxStatusClient client) : IFaxJobTracking
{
    public Task<int> TrackAsync(IEnumerable<FaxJobReference> jobs, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(jobs);
        var list = jobs.ToList();
        if (list.Any(j => j is null))
        {
            throw new ArgumentNullException(nameof(jobs), "The jobs must not contain null.");
        }

        return store.AddAsync(list, client.TimeProvider.GetUtcNow(), cancellationToken);
    }
}
