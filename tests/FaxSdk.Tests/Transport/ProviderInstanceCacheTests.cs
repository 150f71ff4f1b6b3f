using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace FaxSdk.Tests.Transport;

/// <summary>Issue 16 item 5: a provider instance is resolved once, not a provider and an HttpClient per job.</summary>
public class ProviderInstanceCacheTests
{
    private sealed class Rig : IAsyncDisposable
    {
        public Rig(Action<IServiceCollection>? services = null)
        {
            var collection = new ServiceCollection();
            collection.AddSingleton<TimeProvider>(Time);
            var fax = collection.AddFaxSdk(Configuration);
            fax.AddProvider<EchoProvider, EchoOptions>(DependencyInjectionTests.Echo, "default", o =>
            {
                fax.GetProviderSection("Echo", "default")?.Bind(o);
                o.BaseAddress ??= new Uri("https://one.example/");
            }, (_, client, options) =>
            {
                Interlocked.Increment(ref _built);
                return new EchoProvider(client, options, "default");
            }).ConfigurePrimaryHttpMessageHandler(() => new TaggingHandler("h")).SetHandlerLifetime(TimeSpan.FromMinutes(5));
            services?.Invoke(collection);
            Services = collection.BuildServiceProvider();
        }

        private int _built;

        public FakeTimeProvider Time { get; } = new();

        public IConfigurationRoot Configuration { get; } = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["FaxSdk:Echo:Account"] = "A" }).Build();

        public ServiceProvider Services { get; }

        public int Built => Volatile.Read(ref _built);

        public IFaxStatusProvider Resolve() => Services.GetRequiredService<IFaxStatusProviderResolver>().GetProvider("echo");

        public ValueTask DisposeAsync() => Services.DisposeAsync();
    }

    [Fact]
    public async Task The_provider_is_built_once_however_many_jobs_are_resolved_or_tracked()
    {
        await using var rig = new Rig();
        var first = rig.Resolve();
        var tracker = rig.Services.GetRequiredService<FaxStatusClient>().CreateTracker();

        tracker.Track(Enumerable.Range(0, 1_000).Select(i => new FaxJobReference("echo", $"j{i}")));

        Assert.Same(first, rig.Resolve());
        Assert.Equal(1, rig.Built);
        Assert.Equal(1_000, tracker.Count);
    }

    [Fact]
    public async Task A_configuration_reload_builds_a_provider_with_the_new_options()
    {
        await using var rig = new Rig();
        var before = rig.Resolve();
        Assert.StartsWith("A:", (await before.GetStatusAsync(new FaxJobReference("echo", "1"))).Detail, StringComparison.Ordinal);

        rig.Configuration["FaxSdk:Echo:Account"] = "B";
        rig.Configuration.Reload();
        var after = rig.Resolve();

        Assert.NotSame(before, after);
        Assert.StartsWith("B:", (await after.GetStatusAsync(new FaxJobReference("echo", "1"))).Detail, StringComparison.Ordinal);
        Assert.Same(after, rig.Resolve());
        Assert.Equal(2, rig.Built);
    }

    [Fact]
    public async Task After_the_handler_lifetime_a_new_provider_takes_a_new_HttpClient_so_handler_rotation_still_applies()
    {
        await using var rig = new Rig();
        var before = (EchoProvider)rig.Resolve();

        rig.Time.Advance(TimeSpan.FromMinutes(4));
        Assert.Same(before, rig.Resolve());

        rig.Time.Advance(TimeSpan.FromMinutes(2));
        var after = (EchoProvider)rig.Resolve();

        Assert.NotSame(before, after);
        Assert.NotSame(before.Client, after.Client);
        Assert.Equal(2, rig.Built);
    }

    [Fact]
    public async Task Each_container_has_its_own_provider()
    {
        await using var one = new Rig();
        await using var two = new Rig();

        Assert.NotSame(one.Resolve(), two.Resolve());
    }
}
