namespace FaxSdk;

/// <summary>A provider integration that can read many jobs' statuses per request.</summary>
public interface IFaxBatchStatusProvider : IFaxStatusProvider
{
    /// <summary>Reads the current status of several jobs.</summary>
    /// <param name="jobs">The jobs.</param>
    /// <param name="cancellationToken">Cancels the requests.</param>
    /// <returns>One status per job, in the order asked.</returns>
    Task<IReadOnlyList<FaxJobStatus>> GetStatusesAsync(IReadOnlyList<FaxJobReference> jobs, CancellationToken cancellationToken = default);

    /// <summary>
    /// Reads the current status of several jobs, each job's status or error on its own, so that one job the provider
    /// cannot be asked about (or one failed batch) does not cost the other jobs their results.
    /// <see cref="FaxStatusClient.GetStatusesAsync"/> calls this. The default calls <see cref="GetStatusesAsync"/> and
    /// gives every job the same error when that throws a <see cref="FaxSdkException"/>.
    /// </summary>
    /// <param name="jobs">The jobs.</param>
    /// <param name="cancellationToken">Cancels the requests.</param>
    /// <returns>One result per job, in the order asked.</returns>
    async Task<IReadOnlyList<FaxJobStatusResult>> GetStatusResultsAsync(IReadOnlyList<FaxJobReference> jobs, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(jobs);
        try
        {
            var statuses = await GetStatusesAsync(jobs, cancellationToken).ConfigureAwait(false);
            if (statuses.Count != jobs.Count)
            {
                throw new FaxProtocolException(ProviderId, $"{ProviderId}: the provider answered {statuses.Count} statuses for {jobs.Count} jobs.");
            }

            return [.. jobs.Select((job, i) => new FaxJobStatusResult { Job = job, Status = statuses[i] })];
        }
        catch (FaxSdkException exception)
        {
            return [.. jobs.Select(job => new FaxJobStatusResult { Job = job, Error = exception })];
        }
    }
}
