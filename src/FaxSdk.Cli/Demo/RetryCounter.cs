using System.Diagnostics.Metrics;

namespace FaxSdk.Cli.Demo;

/// <summary>
/// Counts the HTTP retries the SDK's resilience handler makes, from the <c>faxsdk.retries</c> counter of the
/// <c>FaxSdk</c> meter (process-wide: every FaxSdk client in the process is counted). Counts 0 when no handler
/// records retries.
/// </summary>
internal sealed class RetryCounter : IDisposable
{
    /// <summary>The meter the SDK publishes its instruments on.</summary>
    public const string MeterName = "FaxSdk";

    /// <summary>The counter of retries.</summary>
    public const string InstrumentName = "faxsdk.retries";

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
        _listener.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref _count, value));
        _listener.SetMeasurementEventCallback<int>((_, value, _, _) => Interlocked.Add(ref _count, value));
        _listener.SetMeasurementEventCallback<double>((_, value, _, _) => Interlocked.Add(ref _count, (long)value));
        _listener.Start();
    }

    /// <summary>The retries counted so far.</summary>
    public long Count => Interlocked.Read(ref _count);

    /// <inheritdoc />
    public void Dispose() => _listener.Dispose();
}
