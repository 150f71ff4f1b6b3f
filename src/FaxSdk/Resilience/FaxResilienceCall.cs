namespace FaxSdk.Resilience;

/// <summary>The state of one request going through the pipeline.</summary>
internal sealed class FaxResilienceCall(FaxResilienceHandler handler, HttpRequestMessage request, long startTimestamp)
{
    public FaxResilienceHandler Handler { get; } = handler;

    public HttpRequestMessage Request { get; } = request;

    public long StartTimestamp { get; } = startTimestamp;

    /// <summary>Whether the request may be sent again.</summary>
    public bool Retryable { get; } = FaxResilience.IsRetryable(request);

    /// <summary>How many attempts reached the inner handler.</summary>
    public int Attempts { get; set; }
}
