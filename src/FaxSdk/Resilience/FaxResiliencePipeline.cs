using FaxSdk.Diagnostics;
using FaxSdk.Transport;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;

namespace FaxSdk.Resilience;

/// <summary>
/// The Polly pipeline of one provider instance: total timeout → retry → circuit breaker → attempt timeout, with its
/// logging and metrics. Shared by every <see cref="FaxResilienceHandler"/> of that instance.
/// </summary>
internal sealed class FaxResiliencePipeline
{
    internal static readonly ResiliencePropertyKey<FaxResilienceCall> CallKey = new("FaxSdk.Call");

    private const string TotalTimeoutStrategy = "TotalTimeout";
    private const string AttemptTimeoutStrategy = "AttemptTimeout";

    private readonly TimeSpan _totalTimeout;
    private readonly TimeSpan _attemptTimeout;
    private readonly TimeSpan _maxRetryAfter;

    public FaxResiliencePipeline(FaxResilienceOptions options, string providerId, string instanceName, TimeProvider timeProvider, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(providerId);
        ArgumentException.ThrowIfNullOrWhiteSpace(instanceName);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(logger);
        var problems = Validation.FaxSettingsChecks.ResilienceProblems(options, providerId + ":Resilience");
        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", problems), nameof(options));
        }

        Options = options;
        Enabled = options.Enabled;
        ProviderId = providerId;
        InstanceName = instanceName;
        TimeProvider = timeProvider;
        Logger = logger;
        _totalTimeout = options.TotalTimeout;
        _attemptTimeout = options.AttemptTimeout;
        _maxRetryAfter = options.MaxRetryAfter;
        Pipeline = Build(options);
    }

    /// <summary>The options this pipeline was built from (compared by reference to detect reloads).</summary>
    public FaxResilienceOptions Options { get; }

    /// <summary>Whether requests go through the pipeline (<see cref="FaxResilienceOptions.Enabled"/> when it was built).</summary>
    public bool Enabled { get; }

    public string ProviderId { get; }

    public string InstanceName { get; }

    public TimeProvider TimeProvider { get; }

    public ILogger Logger { get; }

    public ResiliencePipeline<HttpResponseMessage> Pipeline { get; }

    /// <summary>After the pipeline: logs a failure that survived retries and gives a rejection a message that says what happened.</summary>
    /// <returns>The exception to throw instead of the outcome's, or <see langword="null"/> to use the outcome as it is.</returns>
    public Exception? Complete(FaxResilienceCall call, Outcome<HttpResponseMessage> outcome, CancellationToken cancellationToken)
    {
        var failed = outcome.Exception is { } exception
            ? !(exception is OperationCanceledException && cancellationToken.IsCancellationRequested)
            : outcome.Result is { } response && FaxTransientErrors.IsTransient((int)response.StatusCode);
        if (failed && call.Attempts > 1)
        {
            FaxSdkLog.RequestFailedAfterRetries(Logger, ProviderId, InstanceName, call.Request.Method.Method, call.Attempts, Describe(outcome));
        }

        return outcome.Exception switch
        {
            TimeoutRejectedException timeout when timeout.TelemetrySource?.StrategyName == TotalTimeoutStrategy =>
                new TimeoutRejectedException(
                    $"gave up after {call.Attempts} attempt(s): no successful answer within the total timeout of {FaxTransientErrors.Format(_totalTimeout)}",
                    timeout.Timeout,
                    timeout),
            TimeoutRejectedException timeout =>
                new TimeoutRejectedException(
                    $"gave up after {call.Attempts} attempt(s): the last attempt got no answer within the attempt timeout of {FaxTransientErrors.Format(_attemptTimeout)}",
                    timeout.Timeout,
                    timeout),
            BrokenCircuitException broken =>
                new BrokenCircuitException(
                    broken.RetryAfter is { } retryAfter
                        ? $"not sent: the circuit breaker is open after repeated failures; requests are refused for about {FaxTransientErrors.Format(retryAfter)} more"
                        : "not sent: the circuit breaker is open after repeated failures",
                    broken.RetryAfter ?? TimeSpan.Zero,
                    broken),
            _ => null,
        };
    }

    private static string Describe(Outcome<HttpResponseMessage> outcome) => outcome.Exception switch
    {
        TimeoutRejectedException => "timed out",
        { } exception => exception.GetType().Name,
        null => $"HTTP {FaxTransientErrors.Reason(outcome)}",
    };

    private ResiliencePipeline<HttpResponseMessage> Build(FaxResilienceOptions options)
    {
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage>
        {
            Name = $"FaxSdk.{ProviderId}.{InstanceName}",
            TimeProvider = TimeProvider,
        };

        if (options.TotalTimeout != Timeout.InfiniteTimeSpan)
        {
            builder.AddTimeout(new TimeoutStrategyOptions { Name = TotalTimeoutStrategy, Timeout = options.TotalTimeout });
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
                ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args)),
                DelayGenerator = args => ValueTask.FromResult(args.Outcome.Result is { } response ? RetryAfter(response) : null),
                OnRetry = args =>
                {
                    var reason = FaxTransientErrors.Reason(args.Outcome);
                    FaxSdkLog.RetryScheduled(Logger, ProviderId, InstanceName, args.AttemptNumber + 1, Describe(args.Outcome), args.RetryDelay.TotalMilliseconds);
                    FaxSdkTelemetry.RecordRetry(ProviderId, InstanceName, args.AttemptNumber + 1, reason, args.RetryDelay);
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
            OnOpened = args =>
            {
                FaxSdkLog.CircuitOpened(Logger, ProviderId, InstanceName, Describe(args.Outcome), args.BreakDuration.TotalSeconds);
                FaxSdkTelemetry.RecordCircuitState(ProviderId, InstanceName, "open");
                return default;
            },
            OnHalfOpened = _ =>
            {
                FaxSdkLog.CircuitHalfOpened(Logger, ProviderId, InstanceName);
                FaxSdkTelemetry.RecordCircuitState(ProviderId, InstanceName, "half_open");
                return default;
            },
            OnClosed = _ =>
            {
                FaxSdkLog.CircuitClosed(Logger, ProviderId, InstanceName);
                FaxSdkTelemetry.RecordCircuitState(ProviderId, InstanceName, "closed");
                return default;
            },
        });

        if (options.AttemptTimeout != Timeout.InfiniteTimeSpan)
        {
            builder.AddTimeout(new TimeoutStrategyOptions { Name = AttemptTimeoutStrategy, Timeout = options.AttemptTimeout });
        }

        return builder.Build();
    }

    private bool ShouldRetry(RetryPredicateArguments<HttpResponseMessage> args)
    {
        if (!FaxTransientErrors.IsTransient(args.Outcome)
            || !args.Context.Properties.TryGetValue(CallKey, out var call)
            || !call.Retryable)
        {
            return false;
        }

        if (args.Outcome.Result is { } response && RetryAfter(response) is { } wait)
        {
            var left = _totalTimeout == Timeout.InfiniteTimeSpan ? TimeSpan.MaxValue : _totalTimeout - TimeProvider.GetElapsedTime(call.StartTimestamp);
            if (wait > _maxRetryAfter || wait >= left)
            {
                FaxSdkLog.RetryAfterTooLong(Logger, ProviderId, InstanceName, (int)response.StatusCode, wait.TotalSeconds,
                    Math.Max(0, Math.Min(_maxRetryAfter.TotalSeconds, left.TotalSeconds)));
                return false;
            }
        }

        return true;
    }

    private TimeSpan? RetryAfter(HttpResponseMessage response) => FaxHttpErrors.RetryAfter(response.Headers.RetryAfter, TimeProvider);
}
