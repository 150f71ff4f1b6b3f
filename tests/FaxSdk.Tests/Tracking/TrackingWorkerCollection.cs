namespace FaxSdk.Tests.Tracking;

/// <summary>
/// Tests whose workers or trackers run on their own threads while the fake clock steps: they run one class at a time
/// and alone, so that other tests loading the machine do not leave a worker behind the clock.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TrackingWorkerCollection
{
    public const string Name = "Tracking workers on virtual time";
}
