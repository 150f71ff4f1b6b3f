using System.Collections.Concurrent;
using FaxSdk.Tests.Client;

namespace FaxSdk.Tests.Push;

public class FaxPushInboxTests
{
    private static readonly FaxJobReference Job = new("p", "j");

    private static (FaxStatusClient Client, ScriptedProvider Provider, List<FaxJobUpdate> Published) Create(FaxPushOptions? options = null)
    {
        var provider = new ScriptedProvider("p");
        var client = new FaxStatusClient(new StaticResolver(provider), new FaxStatusClientOptions { Pushes = options ?? new FaxPushOptions() });
        var published = new List<FaxJobUpdate>();
        client.Pushes.StatusPushed += (_, update) =>
        {
            lock (published)
            {
                published.Add(update);
            }
        };
        return (client, provider, published);
    }

    private static FaxPushedStatus Push(ScriptedProvider provider, FaxJobState state, FaxPushTrust trust = FaxPushTrust.Signed, string? key = null) => new()
    {
        Job = Job,
        Status = provider.Status(Job.JobId, state),
        Trust = trust,
        DeliveryKey = key ?? $"p:j:{state}",
    };

    [Fact]
    public async Task A_signed_final_push_is_published_once_and_the_client_remembers_it()
    {
        var (client, provider, published) = Create();
        provider.Script("j", FaxJobState.InProgress);

        Assert.Equal(FaxPushDisposition.Published, await client.Pushes.AcceptAsync(Push(provider, FaxJobState.Succeeded)));
        Assert.Equal(FaxPushDisposition.Duplicate, await client.Pushes.AcceptAsync(Push(provider, FaxJobState.Succeeded)));

        var update = Assert.Single(published);
        Assert.Equal(FaxJobState.Succeeded, update.Status.State);
        Assert.True(update.IsCompleted);
        Assert.Empty(provider.Calls);
        Assert.Equal(FaxJobState.Succeeded, (await client.GetStatusAsync(Job)).State);
    }

    [Fact]
    public async Task Late_in_flight_events_after_a_final_push_change_nothing()
    {
        var (client, provider, published) = Create();

        await client.Pushes.AcceptAsync(Push(provider, FaxJobState.InProgress));
        await client.Pushes.AcceptAsync(Push(provider, FaxJobState.Failed));
        var late = await client.Pushes.AcceptAsync(Push(provider, FaxJobState.InProgress, key: "p:j:page-3"));
        var otherFinal = await client.Pushes.AcceptAsync(Push(provider, FaxJobState.Succeeded));

        Assert.Equal(FaxPushDisposition.Stale, late);
        Assert.Equal(FaxPushDisposition.Stale, otherFinal);
        Assert.Equal([FaxJobState.InProgress, FaxJobState.Failed], published.Select(u => u.Status.State));
        Assert.Equal(FaxJobState.InProgress, published[1].Previous?.State);
    }

    [Fact]
    public async Task A_push_after_the_job_was_polled_final_is_stale()
    {
        var (client, provider, published) = Create();
        provider.Script("j", FaxJobState.Succeeded);
        await client.GetStatusAsync(Job);

        Assert.Equal(FaxPushDisposition.Stale, await client.Pushes.AcceptAsync(Push(provider, FaxJobState.InProgress)));
        Assert.Empty(published);
    }

    [Fact]
    public async Task An_unsigned_final_push_is_confirmed_by_one_read_and_the_read_is_what_is_published()
    {
        var (client, provider, published) = Create();
        provider.Script("j", () => provider.Status("j", FaxJobState.Succeeded) with { Pages = 3 });

        var disposition = await client.Pushes.AcceptAsync(Push(provider, FaxJobState.Succeeded, FaxPushTrust.Unsigned));

        Assert.Equal(FaxPushDisposition.Published, disposition);
        Assert.Single(provider.Calls);
        Assert.Equal(3, Assert.Single(published).Status.Pages);
    }

    [Fact]
    public async Task An_unsigned_final_push_the_read_contradicts_is_not_published_and_a_redelivery_is_confirmed_again()
    {
        var (client, provider, published) = Create();
        provider.Script("j", FaxJobState.InProgress, FaxJobState.Failed);

        var first = await client.Pushes.AcceptAsync(Push(provider, FaxJobState.Failed, FaxPushTrust.Unsigned));
        var again = await client.Pushes.AcceptAsync(Push(provider, FaxJobState.Failed, FaxPushTrust.Unsigned));

        Assert.Equal(FaxPushDisposition.Unconfirmed, first);
        Assert.Equal(FaxPushDisposition.Published, again);
        Assert.Equal(2, provider.Calls.Count);
        Assert.Equal([FaxJobState.InProgress, FaxJobState.Failed], published.Select(u => u.Status.State));
    }

    [Fact]
    public async Task A_failed_confirmation_read_publishes_nothing()
    {
        var (client, provider, published) = Create();
        provider.Script("j", () => throw new FaxProviderUnavailableException("p", "down"));

        Assert.Equal(FaxPushDisposition.Unconfirmed, await client.Pushes.AcceptAsync(Push(provider, FaxJobState.Succeeded, FaxPushTrust.Unsigned)));
        Assert.Empty(published);
    }

    [Fact]
    public async Task Confirmation_can_be_turned_off()
    {
        var (client, provider, published) = Create(new FaxPushOptions { ConfirmUnsignedFinalStates = false });

        Assert.Equal(FaxPushDisposition.Published, await client.Pushes.AcceptAsync(Push(provider, FaxJobState.Succeeded, FaxPushTrust.Unsigned)));
        Assert.Empty(provider.Calls);
        Assert.Single(published);
    }

    [Fact]
    public async Task Unsigned_in_flight_pushes_are_not_confirmed()
    {
        var (client, provider, published) = Create();

        Assert.Equal(FaxPushDisposition.Published, await client.Pushes.AcceptAsync(Push(provider, FaxJobState.InProgress, FaxPushTrust.Unsigned)));
        Assert.Empty(provider.Calls);
        Assert.Single(published);
    }

    [Fact]
    public async Task A_status_about_another_job_is_refused()
    {
        var (client, provider, _) = Create();
        var push = Push(provider, FaxJobState.Succeeded) with { Job = new FaxJobReference("p", "other") };

        await Assert.ThrowsAsync<ArgumentException>(() => client.Pushes.AcceptAsync(push));
    }

    [Fact]
    public async Task A_throwing_handler_does_not_stop_the_others_or_the_push()
    {
        var (client, provider, published) = Create();
        client.Pushes.StatusPushed += (_, _) => throw new InvalidOperationException("handler bug");
        var after = 0;
        client.Pushes.StatusPushed += (_, _) => after++;

        Assert.Equal(FaxPushDisposition.Published, await client.Pushes.AcceptAsync(Push(provider, FaxJobState.Succeeded)));
        Assert.Single(published);
        Assert.Equal(1, after);
    }

    [Fact]
    public async Task Delivery_keys_are_remembered_up_to_the_capacity_oldest_first()
    {
        var (client, provider, published) = Create(new FaxPushOptions { DeduplicationCapacity = 2 });

        foreach (var key in new[] { "a", "b", "c", "a", "c" })
        {
            await client.Pushes.AcceptAsync(Push(provider, FaxJobState.InProgress, key: key));
        }

        // "a" was forgotten when "c" arrived, so its redelivery is new again; "c" is still remembered.
        Assert.Equal(4, published.Count);
    }

    [Fact]
    public async Task Concurrent_redeliveries_of_one_final_push_publish_it_once()
    {
        var (client, provider, published) = Create();
        provider.Script("j", FaxJobState.Succeeded);
        var dispositions = new ConcurrentBag<FaxPushDisposition>();

        await Parallel.ForAsync(0, 64, async (_, ct) =>
            dispositions.Add(await client.Pushes.AcceptAsync(Push(provider, FaxJobState.Succeeded, FaxPushTrust.Unsigned), ct)));

        Assert.Single(published);
        Assert.Equal(1, dispositions.Count(d => d == FaxPushDisposition.Published));
    }

    [Fact]
    public async Task Delivery_keys_are_per_provider_instance()
    {
        var (client, provider, published) = Create();
        var eu = new FaxJobReference("p", "j", "eu");

        await client.Pushes.AcceptAsync(Push(provider, FaxJobState.InProgress, key: "same"));
        var other = await client.Pushes.AcceptAsync(Push(provider, FaxJobState.InProgress, key: "same") with { Job = eu });

        Assert.Equal(FaxPushDisposition.Published, other);
        Assert.Equal(["default", "eu"], published.Select(u => u.Job.Instance));
    }

    [Fact]
    public void Receivers_are_registered_per_provider_instance()
    {
        var (client, _, _) = Create();
        client.Pushes.RegisterReceiver("p", "eu");

        Assert.True(client.Pushes.HasReceiver("p", "eu"));
        Assert.False(client.Pushes.HasReceiver("p"));
    }
}
