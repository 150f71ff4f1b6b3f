using Microsoft.Extensions.Time.Testing;

namespace FaxSdk.Tests.Client;

/// <summary>A base for tests of clients and trackers over scripted providers on a fake clock.</summary>
public abstract class VirtualTimeClientTests
{
    /// <summary>1 s to 4 s, with jitter.</summary>
    protected static readonly FaxPollingSchedule Fast = new() { MinimumInterval = TimeSpan.FromSeconds(1), MaximumInterval = TimeSpan.FromSeconds(4), JitterRatio = 0.2 };

    /// <summary>The fake clock every provider and client of the test runs on.</summary>
    protected FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 24, 9, 0, 0, TimeSpan.Zero));

    /// <summary>A client over the providers, on <see cref="Clock"/>, with the <see cref="Fast"/> schedule.</summary>
    internal FaxStatusClient Client(params ScriptedProvider[] providers)
    {
        foreach (var provider in providers)
        {
            provider.Clock = Clock;
        }

        return new FaxStatusClient(new StaticResolver(providers), new FaxStatusClientOptions { Polling = Fast }, Clock);
    }
}
