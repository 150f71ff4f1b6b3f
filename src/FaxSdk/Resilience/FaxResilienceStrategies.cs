using FaxSdk.Diagnostics;
using FaxSdk.Transport;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;

namespace FaxSdk.Resilience;

/// <summary>
/// Fills one provider instance's resilience pipeline (built by Microsoft.Extensions.Http.Resilience's
/// <c>AddResilienceHandler</c>) from its <see cref="FaxResilienceOptions"/>: total timeout → retry → circuit breaker →
/// attempt timeout, with FaxSdk's rules for what is transient, which requests may be sent again and how long a
/// <c>Retry-After</c> may be. Retry and circuit breaker logs and metrics come from Polly's own telemetry.
/// </summary>
internal static class FaxResilienceStrategies
{
    /// <summary>The name of the outer timeout strategy (shown in Polly's telemetry as <c>strategy.name</c>).</summary>
    internal const string TotalTimeoutName = "TotalTimeout";

    /// <summary>The name of the per-attempt timeout strategy.</summary>
    internal const string AttemptTimeoutName = "AttemptTimeout";

    /// <summary>When the call entered the pipeline (a <see cref="TimeProvider"/> timestamp), for the <c>Retry-After</c> check.</summary>
    private static readonly ResiliencePropertyKey<long> CallStartedKey = new("FaxSdk.CallStarted");

    /// <summary>Adds the strategies <paramref name="options"/> asks for; none when <see cref="FaxResilienceOptions.Enabled"/> is off.</summary>
    internal static void AddTo(
        ResiliencePipelineBuilder<HttpResponseMessage> builder,
        FaxResilienceOptions options,
        string providerId,
        string instanceName,
        TimeProvider time,
        ILogger logger)
    {
        if (!options.Enabled)
        {
            return;
        }

        var total = options.TotalTimeout;
        if (total != Timeout.InfiniteTimeSpan)
        {
            builder.AddTimeout(new TimeoutStrategyOptions
            {
                Name = TotalTimeoutName,

                // Runs once as the call enters the pipeline: remember when, so a Retry-After can be weighed against
                // what is left of the call.
                TimeoutGenerator = args =>
                {
                    args.Context.Properties.Set(CallStartedKey, time.GetTimestamp());
                    return ValueTask.FromResult(total);
                },
            });
        }

        if (options.MaxRetryAttempts > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                Name = "Retry",
                MaxRetryAttempts = options.MaxRetryAttempts,
                BackoffType = DelayBackoffType.Exponential,
                Delay = options.RetryBaseDelay,
                MaxDelay = options.RetryMaxDelay,
                UseJitter = options.UseJitter,
                ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args, options, providerId, instanceName, time, logger)),
                DelayGenerator = args => ValueTask.FromResult(args.Outcome.Result is { } response ? RetryAfter(response, time) : null),
                OnRetry = args =>
                {
                    FaxSdkTelemetry.AddRetryEvent(args.AttemptNumber + 1, FaxTransientErrors.Reason(args.Outcome), args.RetryDelay);
                    return default;
                },
            });
        }

        builder.AddCircuitBreaker(new CircuitBreakerStrategyOptions<HttpResponseMessage>
        {
            Name = "CircuitBreaker",
            FailureRatio = options.CircuitBreakerFailureRatio,
            MinimumThroughput = options.CircuitBreakerMinimumThroughput,
            SamplingDuration = options.CircuitBreakerSamplingDuration,
            BreakDuration = options.CircuitBreakerBreakDuration,
            ShouldHandle = args => ValueTask.FromResult(FaxTransientErrors.IsTransient(args.Outcome)),
        });

        if (options.AttemptTimeout != Timeout.InfiniteTimeSpan)
        {
            builder.AddTimeout(new TimeoutStrategyOptions { Name = AttemptTimeoutName, Timeout = options.AttemptTimeout });
        }
    }

    /// <summary>
    /// Retry a transient failure of a request that may be sent again (<see cref="FaxResilience.IsRetryable"/>), unless
    /// the provider asked (<c>Retry-After</c>) for a wait longer than <see cref="FaxResilienceOptions.MaxRetryAfter"/> or
    /// than is left of the call: then the response goes back to the caller, who sees how long to wait.
    /// </summary>
    private static bool ShouldRetry(
        RetryPredicateArguments<HttpResponseMessage> args,
        FaxResilienceOptions options,
        string providerId,
        string instanceName,
        TimeProvider time,
        ILogger logger)
    {
        if (!FaxTransientErrors.IsTransient(args.Outcome)
            || args.Context.CancellationToken.IsCancellationRequested
            || args.Context.GetRequestMessage() is not { } request
            || !FaxResilience.IsRetryable(request))
        {
            return false;
        }

        if (args.Outcome.Result is { } response && RetryAfter(response, time) is { } wait)
        {
            var left = args.Context.Properties.TryGetValue(CallStartedKey, out var started)
                ? options.TotalTimeout - time.GetElapsedTime(started)
                : TimeSpan.MaxValue;
            if (wait > options.MaxRetryAfter || wait >= left)
            {
                FaxSdkLog.RetryAfterTooLong(logger, providerId, instanceName, (int)response.StatusCode, wait.TotalSeconds,
                    Math.Max(0, Math.Min(options.MaxRetryAfter.TotalSeconds, left.TotalSeconds)));
                return false;
            }
        }

        return true;
    }

    private static TimeSpan? RetryAfter(HttpResponseMessage response, TimeProvider time) => FaxHttpErrors.RetryAfter(response.Headers.RetryAfter, time);
}
