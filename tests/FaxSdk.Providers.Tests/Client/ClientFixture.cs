using FaxSdk.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace FaxSdk.Providers.Tests.Client;

/// <summary>The emulator and a FaxStatusClient configured from the emulator's own configuration, on one fake clock.</summary>
internal sealed class ClientFixture : IAsyncDisposable
{
    private ClientFixture(FaxEmulator emulator, FakeTimeProvider clock, ServiceProvider services)
    {
        Emulator = emulator;
        Clock = clock;
        Services = services;
    }

    public FaxEmulator Emulator { get; }

    public FakeTimeProvider Clock { get; }

    public ServiceProvider Services { get; }

    public FaxStatusClient Client => Services.GetRequiredService<FaxStatusClient>();

    public static async Task<ClientFixture> StartAsync(FaxEmulatorOptions? options = null, IDictionary<string, string?>? overrides = null, Action<IServiceCollection>? services = null)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 24, 9, 0, 0, TimeSpan.Zero));
        var emulator = await FaxEmulator.StartAsync((options ?? new FaxEmulatorOptions()) with { TimeProvider = clock });
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(emulator.CreateConfiguration())
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["FaxSdk:Client:Polling:MinimumInterval"] = "00:00:00.500",
                ["FaxSdk:Client:Polling:MaximumInterval"] = "00:00:02",
            })
            .AddInMemoryCollection(overrides ?? new Dictionary<string, string?>())
            .Build();
        var collection = new ServiceCollection().AddSingleton<TimeProvider>(clock);
        var fax = collection.AddFaxSdk(configuration);
        fax.AddPhaxio();
        fax.AddStoneFax();
        fax.AddPantarey();
        fax.AddConcord();
        fax.AddRetarus();
        services?.Invoke(collection);
        return new ClientFixture(emulator, clock, collection.BuildServiceProvider(validateScopes: true));
    }

    /// <summary>Moves the clock in small steps until the task completes (bounded).</summary>
    public async Task<T> DriveAsync<T>(Task<T> task, int maxSteps = 20_000)
    {
        for (var i = 0; i < maxSteps && !task.IsCompleted; i++)
        {
            await Task.Delay(1);
            if (!task.IsCompleted)
            {
                Clock.Advance(TimeSpan.FromMilliseconds(100));
            }
        }

        Assert.True(task.IsCompleted, "The task did not complete on virtual time.");
        return await task;
    }

    public static FaxJobReference Reference(EmulatedJob job) => new(job.Provider, job.JobId, isTest: job.IsTest);

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        await Emulator.DisposeAsync();
    }
}
