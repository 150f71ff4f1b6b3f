using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace FaxSdk;

/// <summary>
/// The tracking health check: healthy when the store answers <see cref="IFaxTrackingStore.CountAsync"/>, degraded when more
/// than <see cref="FaxTrackingOptions.DegradedDueJobs"/> jobs are due (the workers fall behind), unhealthy when the store
/// cannot be read. Its data carries the counts.
/// </summary>
internal sealed class FaxTrackingHealthCheck(IFaxTrackingStore store, FaxStatusClient client, IOptions<FaxTrackingOptions> options) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        FaxTrackingCounts counts;
        try
        {
            counts = await store.CountAsync(client.TimeProvider.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested && exception is not OutOfMemoryException)
        {
            // The type only: a store's message may carry a connection string.
            return new HealthCheckResult(context.Registration.FailureStatus, $"The tracking store could not be read ({exception.GetType().Name}).");
        }

        FaxTrackingMetrics.Observe(counts);
        var data = new Dictionary<string, object>
        {
            ["total"] = counts.Total,
            ["due"] = counts.Due,
            ["leased"] = counts.Leased,
            ["final"] = counts.Final,
            ["abandoned"] = counts.Abandoned,
            ["completionsPending"] = counts.CompletionsPending,
        };
        return counts.Due > options.Value.DegradedDueJobs
            ? HealthCheckResult.Degraded($"{counts.Due} tracked jobs are due: the workers fall behind.", data: data)
            : HealthCheckResult.Healthy($"{counts.Due} of {counts.Total} tracked jobs due.", data);
    }
}
