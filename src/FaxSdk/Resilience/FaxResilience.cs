namespace FaxSdk.Resilience;

/// <summary>
/// FaxSdk's resilience pipeline: each provider instance's HttpClient gets one from Microsoft.Extensions.Http.Resilience
/// (<c>AddResilienceHandler(</c><see cref="PipelineName"/><c>, …)</c>), configured by that instance's
/// <see cref="FaxResilienceOptions"/>. Remove it with the library's <c>RemoveAllResilienceHandlers()</c> and add your own
/// with <c>AddResilienceHandler</c> or <c>AddStandardResilienceHandler</c> on the builder a provider's <c>Add…</c> returns.
/// </summary>
public static class FaxResilience
{
    /// <summary>
    /// The pipeline identifier FaxSdk passes to <c>AddResilienceHandler</c>: <c>faxsdk</c>. Polly's telemetry names the
    /// pipeline <c>{HttpClient name}-faxsdk</c>, e.g. <c>FaxSdk.phaxio.default-faxsdk</c> (tag <c>pipeline.name</c>).
    /// </summary>
    public const string PipelineName = "faxsdk";

    /// <summary>
    /// Marks a request as safe to send more than once. GET, HEAD, OPTIONS, PUT and DELETE are retried anyway; a POST
    /// (or any other method) is retried only when this is set to <see langword="true"/>, e.g. a read-only query sent
    /// as a POST: <c>request.Options.Set(FaxResilience.IdempotentRequest, true)</c>. Its content must be re-readable
    /// (such as <see cref="ByteArrayContent"/>).
    /// </summary>
    public static readonly HttpRequestOptionsKey<bool> IdempotentRequest = new("FaxSdk.IdempotentRequest");

    /// <summary>Whether the pipeline may send <paramref name="request"/> again after a transient failure.</summary>
    /// <param name="request">The request.</param>
    /// <returns><see langword="true"/> for GET, HEAD, OPTIONS, PUT and DELETE, and for requests marked with <see cref="IdempotentRequest"/>.</returns>
    public static bool IsRetryable(HttpRequestMessage request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var method = request.Method;
        if (method == HttpMethod.Get || method == HttpMethod.Head || method == HttpMethod.Options || method == HttpMethod.Put || method == HttpMethod.Delete)
        {
            return true;
        }

        return request.Options.TryGetValue(IdempotentRequest, out var idempotent) && idempotent;
    }
}
