namespace FaxSdk;

/// <summary>A provider integration that answers "where does job X stand?". Provider packages (and third parties) implement it.</summary>
public interface IFaxStatusProvider
{
    /// <summary>The provider's lowercase id, such as <c>phaxio</c>.</summary>
    string ProviderId { get; }

    /// <summary>The configured instance this object talks to (<see cref="FaxJobReference.DefaultInstance"/> unless several are configured).</summary>
    string InstanceName { get; }

    /// <summary>Reads the current status of one job.</summary>
    /// <param name="job">The job; its <see cref="FaxJobReference.Provider"/> must be <see cref="ProviderId"/>.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The canonical status.</returns>
    /// <exception cref="FaxJobNotFoundException">The provider does not know the job.</exception>
    /// <exception cref="FaxAuthenticationException">The credentials were refused.</exception>
    /// <exception cref="FaxRateLimitedException">The provider asked to slow down.</exception>
    /// <exception cref="FaxProviderUnavailableException">The provider could not be reached or failed.</exception>
    /// <exception cref="FaxProtocolException">The provider's answer could not be read.</exception>
    Task<FaxJobStatus> GetStatusAsync(FaxJobReference job, CancellationToken cancellationToken = default);
}
