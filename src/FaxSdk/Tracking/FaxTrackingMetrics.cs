using System.Diagnostics.Metrics;
using FaxSdk.Diagnostics;

namespace FaxSdk;

/// <summary>The tracking instruments on FaxSdk's meter (names in <see cref="FaxSdkDiagnostics"/>).</summary>
internal static class FaxTrackingMetrics
{
    private static FaxTrackingCounts _latest = new();

    private static readonly ObservableGauge<long> Due = FaxSdk.Diagnostics.FaxSdkTelemetry.Meter.CreateObservableGauge(
        FaxSdkDiagnostics.TrackingJobsDueInstrument, () => Volatile.Read(ref _latest).Due, "{job}", "Tracked jobs due to be polled, as last counted.");

    private static readonly ObservableGauge<long> Leased = FaxSdk.Diagnostics.FaxSdkTelemetry.Meter.CreateObservableGauge(
        FaxSdkDiagnostics.TrackingJobsLeasedInstrument, () => Volatile.Read(ref _latest).Leased, "{job}", "Tracked jobs under a worker's lease, as last counted.");

    private static readonly ObservableGauge<long> FinalJobs = FaxSdk.Diagnostics.FaxSdkTelemetry.Meter.CreateObservableGauge(
        FaxSdkDiagnostics.TrackingJobsFinalInstrument, () => Volatile.Read(ref _latest).Final, "{job}", "Tracked jobs with a final status, as last counted.");

    private static readonly Counter<long> Completed = FaxSdk.Diagnostics.FaxSdkTelemetry.Meter.CreateCounter<long>(
        FaxSdkDiagnostics.TrackingJobsCompletedInstrument, "{job}", "Final statuses stored by this process's tracking workers.");

    private static readonly Counter<long> GivenUp = FaxSdk.Diagnostics.FaxSdkTelemetry.Meter.CreateCounter<long>(
        FaxSdkDiagnostics.TrackingJobsAbandonedInstrument, "{job}", "Jobs given up by this process's tracking workers (not found too often).");

    private static readonly Counter<long> HandlerFailures = FaxSdk.Diagnostics.FaxSdkTelemetry.Meter.CreateCounter<long>(
        FaxSdkDiagnostics.TrackingHandlerFailuresInstrument, "{failure}", "Completion handlers that threw (the completion is delivered again).");

    /// <summary>Records the store's latest counts (read by the gauges).</summary>
    public static void Observe(FaxTrackingCounts counts) => Volatile.Write(ref _latest, counts);

    /// <summary>Counts a final status stored.</summary>
    public static void Final(FaxJobReference job) => Completed.Add(1, Tags(job));

    /// <summary>Counts a job given up.</summary>
    public static void Abandoned(FaxJobReference job) => GivenUp.Add(1, Tags(job));

    /// <summary>Counts a completion handler failure.</summary>
    public static void HandlerFailed(FaxJobReference job) => HandlerFailures.Add(1, Tags(job));

    /// <summary>Whether the gauges exist (keeps the static fields referenced).</summary>
    internal static bool Created => Due is not null && Leased is not null && FinalJobs is not null;

    private static KeyValuePair<string, object?>[] Tags(FaxJobReference job) =>
        [new(FaxSdkDiagnostics.ProviderTag, job.Provider), new(FaxSdkDiagnostics.InstanceTag, job.Instance)];
}
