namespace FaxSdk;

/// <summary>A provider integration that can read many jobs' statuses per request.</summary>
public interface IFaxBatchStatusProvider : IFaxStatusProvider
{
    /// <summary>Reads the current status of several jobs.</summary>
    /// <param name="jobs">The jobs.</param>
    /// <param name="cancellationToken">Cancels the requests.</param>
    /// <returns>One status per job, in the order asked.</returns>
    Task<IReadOnlyList<FaxJobStatus>> GetStatusesAsync(IReadOnlyList<FaxJobReference> jobs, CancellationToken cancellationToken = default);
}
