using FaxSdk.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace FaxSdk.Providers.Tests.EndToEnd;

/// <summary>An emulator on a fake clock with the real clients registered against it through DI.</summary>
internal sealed class EmulatorFixture : IAsyncDisposable
{
    private EmulatorFixture(FaxEmulator emulator, FakeTimeProvider clock, ServiceProvider services)
    {
        Emulator = emulator;
        Clock = clock;
        Services = services;
    }

    public FaxEmulator Emulator { get; }

    public FakeTimeProvider Clock { get; }

    public ServiceProvider Services { get; }

    public IFaxStatusProviderResolver Resolver => Services.GetRequiredService<IFaxStatusProviderResolver>();

    public static async Task<EmulatorFixture> StartAsync(FaxEmulatorOptions? options = null, Action<IFaxSdkBuilder, FaxEmulator>? extra = null)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero));
        var emulator = await FaxEmulator.StartAsync((options ?? new FaxEmulatorOptions()) with { TimeProvider = clock });
        var services = new ServiceCollection();
        var fax = services.AddFaxSdk();
        var credentials = emulator.Credentials;
        fax.AddPhaxio(o =>
        {
            o.BaseAddress = emulator.PhaxioBaseAddress;
            o.ApiKey = credentials.PhaxioApiKey;
            o.ApiSecret = credentials.PhaxioApiSecret;
        });
        fax.AddStoneFax(o =>
        {
            o.BaseAddress = emulator.StoneFaxBaseAddress;
            o.Username = credentials.StoneFaxUsername;
            o.Password = credentials.StoneFaxPassword;
            o.ServerTimeZone = emulator.Options.StoneFaxServerTimeZone;
        });
        fax.AddPantarey(o =>
        {
            o.BaseAddress = emulator.PantareyEndpoint;
            o.BearerToken = credentials.PantareyBearerToken;
        });
        fax.AddConcord(o =>
        {
            o.BaseAddress = emulator.ConcordEndpoint;
            o.UserId = credentials.ConcordUserId;
            o.AccessToken = credentials.ConcordAccessToken;
        });
        fax.AddRetarus(o =>
        {
            o.DataCenters = new Dictionary<string, Uri>(emulator.RetarusDataCenters);
            o.CustomerNumber = credentials.RetarusCustomerNumber;
            o.Username = credentials.RetarusUsername;
            o.Password = credentials.RetarusPassword;
        });
        extra?.Invoke(fax, emulator);
        return new EmulatorFixture(emulator, clock, services.BuildServiceProvider(validateScopes: true));
    }

    public Task<FaxJobStatus> StatusAsync(EmulatedJob job, string instance = FaxJobReference.DefaultInstance) =>
        Resolver.GetProvider(job.Provider, instance).GetStatusAsync(new FaxJobReference(job.Provider, job.JobId, instance, job.IsTest));

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        await Emulator.DisposeAsync();
    }
}
