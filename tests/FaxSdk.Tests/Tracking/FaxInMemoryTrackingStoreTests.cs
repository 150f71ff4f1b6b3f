namespace FaxSdk.Tests.Tracking;

/// <summary>The store contract, for the in-memory store.</summary>
public class FaxInMemoryTrackingStoreTests : FaxTrackingStoreContractTests
{
    protected override Task<IFaxTrackingStore> CreateStoreAsync() => Task.FromResult<IFaxTrackingStore>(new FaxInMemoryTrackingStore());

    [Fact]
    public async Task Claims_find_due_jobs_among_many_not_due_without_handing_out_any_twice()
    {
        var store = new FaxInMemoryTrackingStore();
        await store.AddAsync([.. Enumerable.Range(0, 5_000).Select(i => Job($"later{i}"))], T0.AddHours(1));
        await store.AddAsync([.. Enumerable.Range(0, 50).Select(i => Job($"now{i}"))], T0);

        var claimed = await store.ClaimDueAsync("w1", T0, 1_000, Lease);

        Assert.Equal(50, claimed.Count);
        Assert.All(claimed, j => Assert.StartsWith("now", j.Job.JobId, StringComparison.Ordinal));
        Assert.Equal(T0 + Lease, store.NextClaimableAt());
    }
}
