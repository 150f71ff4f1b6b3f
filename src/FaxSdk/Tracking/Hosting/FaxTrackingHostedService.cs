using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace FaxSdk;

/// <summary>Runs the registered <see cref="FaxTrackingWorker"/> for the application's lifetime, after migrating the store.</summary>
internal sealed class FaxTrackingHostedService(IFaxTrackingStore store, FaxTrackingWorker worker, FaxStatusClient client, ILogger<FaxTrackingHostedService>? logger = null) : BackgroundService
{
    private static readonly TimeSpan MigrationRetry = TimeSpan.FromSeconds(5);

    private readonly ILogger _logger = logger ?? (ILogger)NullLogger.Instance;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (true)
            {
                try
                {
                    await store.MigrateAsync(stoppingToken).ConfigureAwait(false);
                    break;
                }
                catch (Exception exception) when (!stoppingToken.IsCancellationRequested && exception is not OutOfMemoryException)
                {
                    Log.MigrationFailed(_logger, exception.GetType().Name, MigrationRetry);
                    await Task.Delay(MigrationRetry, client.TimeProvider, stoppingToken).ConfigureAwait(false);
                }
            }

            await worker.RunAsync(stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: leases expire on their own, nothing is lost.
        }
    }
}
