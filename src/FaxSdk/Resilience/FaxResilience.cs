namespace FaxSdk.Resilience;

/// <summary>Request options that steer FaxSdk's resilience pipeline (<see cref="FaxResilienceHandler"/>).</summary>
public static class FaxResilience
{
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
