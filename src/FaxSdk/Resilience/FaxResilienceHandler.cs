using FaxSdk.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Polly;

namespace FaxSdk.Resilience;

/// <summary>
/// Sends provider requests through FaxSdk's resilience pipeline: total timeout → retry (exponential backoff with
/// jitter, honouring <c>Retry-After</c>) → circuit breaker → per-attempt timeout, configured by
/// <see cref="FaxResilienceOptions"/>. <c>services.AddFaxSdk().Add…()</c> puts it first in every provider instance's
/// HttpClient (sharing one circuit breaker per instance across handler rotations); remove or replace it with
/// <c>RemoveFaxResilienceHandler()</c> / <c>ReplaceFaxResilienceHandler(…)</c> on the returned builder.
/// </summary>
/// <remarks>
/// Retried: 408, 429, 500, 502, 503, 504 and 520–524 responses, <see cref="HttpRequestException"/>,
/// <see cref="IOException"/> and attempt timeouts, for GET, HEAD, OPTIONS, PUT and DELETE requests and for requests
/// marked with <see cref="FaxResilience.IdempotentRequest"/>. A response discarded by a retry is disposed. When the
/// pipeline gives up, it throws Polly's <see cref="Polly.Timeout.TimeoutRejectedException"/> or
/// <see cref="Polly.CircuitBreaker.BrokenCircuitException"/> with a message saying what happened;
/// <see cref="Transport.FaxHttpRequests"/> turns both into <see cref="FaxProviderUnavailableException"/>. Cancellation
/// by the caller's token surfaces as <see cref="OperationCanceledException"/>. Only the asynchronous send path is
/// covered.
/// </remarks>
public sealed class FaxResilienceHandler : DelegatingHandler
{
    private readonly FaxResiliencePipeline _pipeline;

    /// <summary>
    /// Creates a handler with its own pipeline (and so its own circuit breaker), for use without dependency injection.
    /// With <see cref="FaxResilienceOptions.Enabled"/> off it passes requests straight through.
    /// </summary>
    /// <param name="options">The settings.</param>
    /// <param name="providerId">The provider id, for logs and metrics.</param>
    /// <param name="instanceName">The instance name, for logs and metrics.</param>
    /// <param name="timeProvider">The clock for delays and timeouts; <see cref="TimeProvider.System"/> by default.</param>
    /// <param name="loggerFactory">Where log events go; none by default.</param>
    /// <exception cref="ArgumentException">The options are not valid (the message lists why).</exception>
    public FaxResilienceHandler(
        FaxResilienceOptions options,
        string providerId,
        string instanceName = FaxJobReference.DefaultInstance,
        TimeProvider? timeProvider = null,
        ILoggerFactory? loggerFactory = null)
        : this(new FaxResiliencePipeline(
            options,
            providerId,
            instanceName,
            timeProvider ?? TimeProvider.System,
            (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger(FaxSdkDiagnostics.ResilienceLoggerCategory)))
    {
    }

    internal FaxResilienceHandler(FaxResiliencePipeline pipeline)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        _pipeline = pipeline;
    }

    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!_pipeline.Enabled)
        {
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }

        var call = new FaxResilienceCall(this, request, _pipeline.TimeProvider.GetTimestamp());
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        Outcome<HttpResponseMessage> outcome;
        try
        {
            context.Properties.Set(FaxResiliencePipeline.CallKey, call);
            outcome = await _pipeline.Pipeline.ExecuteOutcomeAsync(
                static async (context, call) =>
                {
                    call.Attempts++;
                    try
                    {
                        return Outcome.FromResult(await call.Handler.SendInnerAsync(call.Request, context.CancellationToken).ConfigureAwait(false));
                    }
                    catch (Exception exception)
                    {
                        return Outcome.FromException<HttpResponseMessage>(exception);
                    }
                },
                context,
                call).ConfigureAwait(false);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }

        if (cancellationToken.IsCancellationRequested)
        {
            // Polly hands back the last outcome when the caller cancels between attempts: the caller asked to stop,
            // so it gets a cancellation, not a provider error.
            outcome.Result?.Dispose();
            cancellationToken.ThrowIfCancellationRequested();
        }

        if (_pipeline.Complete(call, outcome, cancellationToken) is { } replacement)
        {
            throw replacement;
        }

        outcome.ThrowIfException();
        return outcome.Result!;
    }

    private Task<HttpResponseMessage> SendInnerAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        base.SendAsync(request, cancellationToken);
}
