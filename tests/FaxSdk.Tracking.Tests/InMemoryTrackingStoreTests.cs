namespace FaxSdk.Tracking.Tests;

/// <summary>The conformance suite on the core's <see cref="FaxInMemoryTrackingStore"/> (one object: "the same store" is itself).</summary>
public sealed class InMemoryTrackingStoreTests : TrackingStoreConformance
{
    protected override Task<IFaxTrackingStore> CreateStoreAsync() => Task.FromResult<IFaxTrackingStore>(new FaxInMemoryTrackingStore());
}
