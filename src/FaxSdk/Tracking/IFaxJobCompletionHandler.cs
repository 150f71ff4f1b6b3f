namespace FaxSdk;

/// <summary>
/// The application's handler of completed jobs, resolved from dependency injection by the tracking worker. Delivery is
/// at least once: the job is marked handled only after this returns, so a crash in between delivers it again. Make it
/// idempotent (the job reference is a natural key).
/// </summary>
public interface IFaxJobCompletionHandler
{
    /// <summary>Handles one job that reached its final status.</summary>
    /// <param name="completion">The job, its final status and the status before.</param>
    /// <param name="cancellationToken">Cancelled when the worker stops.</param>
    /// <returns>A task that completes when the completion is handled; throwing leaves it to be delivered again.</returns>
    Task HandleAsync(FaxJobUpdate completion, CancellationToken cancellationToken);
}
