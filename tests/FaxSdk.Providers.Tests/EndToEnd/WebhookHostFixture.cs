using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using FaxSdk.AspNetCore;
using FaxSdk.Providers.Tests.Client;
using FaxSdk.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http;
using Microsoft.Extensions.Time.Testing;

namespace FaxSdk.Providers.Tests.EndToEnd;

/// <summary>
/// A real Kestrel host on 127.0.0.1 as an application would build it (AddFaxSdk from configuration, the five provider
/// packages, AddFaxWebhooks, MapFaxWebhooks("/hooks")), configured from the emulator's own configuration, and the
/// emulator pushing to it; both on one fake clock.
/// </summary>
internal sealed class WebhookHostFixture : IAsyncDisposable
{
    public const string Prefix = "/hooks";

    private WebhookHostFixture(FakeTimeProvider clock, FaxEmulator emulator, WebApplication host, RequestsOnTheWire onTheWire)
    {
        Clock = clock;
        Emulator = emulator;
        Host = host;
        OnTheWire = onTheWire;
        Client.Pushes.StatusPushed += (_, update) => Pushed.Enqueue(update);
    }

    public FakeTimeProvider Clock { get; }

    public FaxEmulator Emulator { get; }

    public WebApplication Host { get; }

    /// <summary>The host's requests to the providers (confirming reads, polls) not answered yet.</summary>
    public RequestsOnTheWire OnTheWire { get; }

    public FaxStatusClient Client => Host.Services.GetRequiredService<FaxStatusClient>();

    /// <summary>Every <see cref="FaxPushInbox.StatusPushed"/> the host's client raised, in order.</summary>
    public ConcurrentQueue<FaxJobUpdate> Pushed { get; } = new();

    public static async Task<WebhookHostFixture> StartAsync(EmulatorFaults faults)
    {
        // The emulator must know the host's address before the host knows the emulator's: the host gets a port that
        // was free a moment ago; should another process take it meanwhile, both start again on another.
        for (var attempt = 1; ; attempt++)
        {
            var port = FreeLoopbackPort();
            var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.Zero));
            var emulator = await FaxEmulator.StartAsync(new FaxEmulatorOptions
            {
                TimeProvider = clock,
                Faults = faults,
                Push = new EmulatorPushOptions { BaseAddress = new Uri($"http://127.0.0.1:{port}{Prefix}") },
            });
            WebApplication? host = null;
            try
            {
                var onTheWire = new RequestsOnTheWire();
                host = BuildHost(port, clock, emulator, onTheWire);
                await host.StartAsync();
                return new WebhookHostFixture(clock, emulator, host, onTheWire);
            }
            catch (IOException) when (attempt < 3)
            {
                // The port was taken: try again.
            }
            catch
            {
                await emulator.DisposeAsync();
                if (host is not null)
                {
                    await host.DisposeAsync();
                }

                throw;
            }

            await emulator.DisposeAsync();
            if (host is not null)
            {
                await host.DisposeAsync();
            }
        }
    }

    /// <summary>
    /// Moves the clock in steps of 100 ms until <paramref name="condition"/> holds (bounded), but only while no push is
    /// due or on the wire and the host has no request to a provider on the wire, so virtual time never outruns I/O.
    /// </summary>
    public Task DriveUntilAsync(Func<bool> condition, int maxSteps = 200_000) =>
        Clock.AdvanceUntilAsync(condition, TimeSpan.FromMilliseconds(100), maxSteps, ready: () => OnTheWire.Count == 0 && Emulator.WhenPushesSentAsync().IsCompleted);

    public async ValueTask DisposeAsync()
    {
        await Emulator.DisposeAsync();
        await Host.StopAsync();
        await Host.DisposeAsync();
    }

    private static WebApplication BuildHost(int port, FakeTimeProvider clock, FaxEmulator emulator, RequestsOnTheWire onTheWire)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(k => k.Listen(IPAddress.Loopback, port));
        builder.Configuration
            .AddInMemoryCollection(emulator.CreateConfiguration())
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["FaxSdk:Client:Polling:MinimumInterval"] = "00:00:00.500",
                ["FaxSdk:Client:Polling:MaximumInterval"] = "00:00:02",
            });
        builder.Services.AddRouting();
        builder.Services.AddSingleton<TimeProvider>(clock);
        var fax = builder.Services.AddFaxSdk(builder.Configuration).AddFaxWebhooks();
        fax.AddPhaxio();
        fax.AddStoneFax();
        fax.AddPantarey();
        fax.AddConcord();
        fax.AddRetarus();
        builder.Services.ConfigureAll<HttpClientFactoryOptions>(o => o.HttpMessageHandlerBuilderActions.Add(b => b.AdditionalHandlers.Add(onTheWire.CreateHandler())));
        var host = builder.Build();
        host.MapFaxWebhooks(Prefix);
        return host;
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
