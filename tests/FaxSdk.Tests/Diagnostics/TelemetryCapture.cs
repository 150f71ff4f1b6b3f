using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using FaxSdk.Diagnostics;

namespace FaxSdk.Tests.Diagnostics;

/// <summary>
/// Collects FaxSdk measurements and activities, and Polly's measurements of FaxSdk pipelines, for one instance name
/// (tests run in parallel and share the static meters).
/// </summary>
internal sealed class TelemetryCapture : IDisposable
{
    private readonly MeterListener _meters = new();
    private readonly ActivityListener _activities;
    private readonly string _instance;

    public TelemetryCapture(string instance)
    {
        _instance = instance;
        _meters.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name is FaxSdkDiagnostics.MeterName or "Polly")
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _meters.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Record(instrument, value, tags));
        _meters.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Record(instrument, value, tags));
        _meters.SetMeasurementEventCallback<int>((instrument, value, tags, _) => Record(instrument, value, tags));
        _meters.Start();

        _activities = new ActivityListener
        {
            ShouldListenTo = source => source.Name == FaxSdkDiagnostics.ActivitySourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                if (activity.GetTagItem(FaxSdkDiagnostics.InstanceTag) as string == _instance)
                {
                    Activities.Enqueue(activity);
                }
            },
        };
        ActivitySource.AddActivityListener(_activities);
    }

    public ConcurrentQueue<(string Instrument, string Unit, double Value, Dictionary<string, object?> Tags)> Measurements { get; } = new();

    public ConcurrentQueue<Activity> Activities { get; } = new();

    public List<(double Value, Dictionary<string, object?> Tags)> Of(string instrument) =>
        [.. Measurements.Where(m => m.Instrument == instrument).Select(m => (m.Value, m.Tags))];

    public void Dispose()
    {
        _meters.Dispose();
        _activities.Dispose();
    }

    private void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var map = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var tag in tags)
        {
            map[tag.Key] = tag.Value;
        }

        if ((map.TryGetValue(FaxSdkDiagnostics.InstanceTag, out var instance) && instance as string == _instance)
            || (map.TryGetValue("pipeline.name", out var pipeline) && pipeline is string name && name.EndsWith($".{_instance}-faxsdk", StringComparison.Ordinal)))
        {
            Measurements.Enqueue((instrument.Name, instrument.Unit ?? "", value, map));
        }
    }
}
