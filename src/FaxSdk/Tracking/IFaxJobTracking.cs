namespace FaxSdk;

/// <summary>Adds jobs to the shared tracking store from any process; the hosted tracking workers poll them.</summary>
public interface IFaxJobTracking
{
    /// <summary>Starts tracking jobs; adding a job that is already tracked is the same as adding it once.</summary>
    /// <param name="jobs">The jobs.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>How many jobs were new.</returns>
    Task<int> TrackAsync(IEnumerable<FaxJobReference> jobs, CancellationToken cancellationToken = default);
}
