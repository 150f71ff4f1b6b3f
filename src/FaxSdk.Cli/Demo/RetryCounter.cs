using System.Diagnostics.Metrics;
using FaxSdk.Resilience;

namespace FaxSdk.Cli.Demo;

/// <summary>
/// Counts the HTTP retries FaxSdk's resilience pipelines make, from Polly's telemetry: the
/// <c>resilience.polly.strategy.events</c> counter of the <c>Polly</c> meter, events named <c>OnRetry</c> of pipelines
/// named <c>FaxSdk.…-faxsdk</c> (process-wide: every FaxSdk client in the process is counted). Counts 0 when no pipeline
/// retries.
/// </summary>
internal sealed class RetryCounter : IDisposable
{
    /// <summary>The meter Polly publishes its instruments on.</summary>
    public const string MeterName = "Polly";

    /// <summary>The counter of resilience events (retries, circuit breaker transitions, timeouts …).</summary>
    public const string InstrumentName = "resilience.polly.strategy.events";

    private readonly MeterListener _listener = new();
    private long _count;

    /// <summary>Starts listening.</summary>
    public RetryCounter()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == MeterName && instrument.Name == InstrumentName)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<int>((_, value, tags, _) =>
        {
            if (IsFaxSdkRetry(tags))
            {
                Interlocked.Add(ref _count, value);
            }
        });
        _listener.Start();
    }

    /// <summary>The retries counted so far.</summary>
    public long Count => Interlocked.Read(ref _count);

    /// <inheritdoc />
    public void Dispose() => _listener.Dispose();

    /// <summary>Whether a measurement's tags say it is a retry (<c>event.name</c> <c>OnRetry</c>) of a FaxSdk pipeline.</summary>
    /// <param name="tags">The measurement's tags.</param>
    /// <returns><see langword="true"/> for a FaxSdk retry.</returns>
    internal static bool IsFaxSdkRetry(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        bool retry = false, faxSdk = false;
        foreach (var (key, value) in tags)
        {
            switch (key)
            {
                case "event.name":
                    retry = value is "OnRetry";
                    break;
                case "pipeline.name":
                    faxSdk = value is string name && name.StartsWith("FaxSdk.", StringComparison.Ordinal) && name.EndsWith("-" + FaxResilience.PipelineName, StringComparison.Ordinal);
                    break;
            }
        }

        return retry && faxSdk;
    }
}
