using FaxSdk.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http;
using Microsoft.Extensions.Time.Testing;

namespace FaxSdk.Providers.Tests.Client;

/// <summary>The emulator and a FaxStatusClient configured from the emulator's own configuration, on one fake clock.</summary>
internal sealed class ClientFixture : IAsyncDisposable
{
    private ClientFixture(FaxEmulator emulator, FakeTimeProvider clock, ServiceProvider services, RequestsOnTheWire onTheWire)
    {
        Emulator = emulator;
        Clock = clock;
        Services = services;
        OnTheWire = onTheWire;
    }

    public FaxEmulator Emulator { get; }

    public FakeTimeProvider Clock { get; }

    public ServiceProvider Services { get; }

    /// <summary>The clients' requests that have not been answered yet.</summary>
    public RequestsOnTheWire OnTheWire { get; }

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
        // After the providers' own handlers, so innermost: it sees each attempt on the wire, not a retry's wait.
        var onTheWire = new RequestsOnTheWire();
        collection.ConfigureAll<HttpClientFactoryOptions>(o => o.HttpMessageHandlerBuilderActions.Add(b => b.AdditionalHandlers.Add(onTheWire.CreateHandler())));
        services?.Invoke(collection);
        return new ClientFixture(emulator, clock, collection.BuildServiceProvider(validateScopes: true), onTheWire);
    }

    /// <summary>
    /// Moves the clock in steps of 100 ms until the task completes (bounded), but only while no request is on the wire
    /// other than those the emulator holds on its own clock (a slow-response fault); otherwise the step lets I/O finish.
    /// </summary>
    public Task<T> DriveAsync<T>(Task<T> task, int maxSteps = 200_000)
    {
        // Should an answer never be disposed, the clock still moves after a long run of refused steps.
        var refused = 0;
        return Clock.AdvanceUntilCompletedAsync(task, TimeSpan.FromMilliseconds(100), maxSteps, ready: () =>
        {
            refused = OnTheWire.Count <= HeldByTheEmulator() || refused >= MaxRefusedSteps ? 0 : refused + 1;
            return refused == 0;
        });
    }

    private const int MaxRefusedSteps = 2_000;

    private int HeldByTheEmulator() =>
        Emulator.InjectedFaults.Count(f => f.Kind == EmulatedFault.SlowResponse)
        - Emulator.Requests.Count(r => r.Fault == EmulatedFault.SlowResponse);

    public static FaxJobReference Reference(EmulatedJob job) => new(job.Provider, job.JobId, isTest: job.IsTest);

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        await Emulator.DisposeAsync();
    }
}
