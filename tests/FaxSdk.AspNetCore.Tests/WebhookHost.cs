using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace FaxSdk.AspNetCore.Tests;

/// <summary>An ASP.NET Core host (TestServer, or Kestrel on 127.0.0.1:0) with MapFaxWebhooks over fake receivers.</summary>
internal sealed class WebhookHost : IAsyncDisposable
{
    public const string PublicBase = "https://hooks.example.com/base";

    private readonly WebApplication _app;
    private readonly ConcurrentQueue<FaxJobUpdate> _pushed = new();
    private readonly List<(int Count, TaskCompletionSource Done)> _waiters = [];
    private readonly Lock _lock = new();

    private WebhookHost(WebApplication app, FakeTimeProvider clock, RecordingObserver observer, RecordingLoggerProvider logs, HttpClient client)
    {
        _app = app;
        Clock = clock;
        Rejections = observer;
        Logs = logs;
        Client = client;
        Inbox.StatusPushed += (_, update) =>
        {
            _pushed.Enqueue(update);
            lock (_lock)
            {
                foreach (var waiter in _waiters.Where(w => w.Count <= _pushed.Count).ToList())
                {
                    _waiters.Remove(waiter);
                    waiter.Done.TrySetResult();
                }
            }
        };
    }

    public FakeTimeProvider Clock { get; }

    public HttpClient Client { get; }

    public IServiceProvider Services => _app.Services;

    public IConfigurationRoot Configuration => (IConfigurationRoot)_app.Configuration;

    public FaxPushInbox Inbox => Services.GetRequiredService<FaxStatusClient>().Pushes;

    public RecordingObserver Rejections { get; }

    public RecordingLoggerProvider Logs { get; }

    public IReadOnlyList<FaxJobUpdate> Pushed => [.. _pushed];

    /// <summary>The public base URL, and one queue worker so pushes are handed over in the order they were answered.</summary>
    public static Dictionary<string, string?> DefaultSettings() => new()
    {
        ["FaxSdk:Webhooks:PublicBaseUrl"] = PublicBase,
        ["FaxSdk:Webhooks:QueueConcurrency"] = "1",
    };

    public static Task<WebhookHost> StartAsync(params FaxWebhookRegistration[] registrations) =>
        StartAsync(DefaultSettings(), kestrel: false, registrations);

    public static Task<WebhookHost> StartAsync(IReadOnlyDictionary<string, string?> settings, bool kestrel, params FaxWebhookRegistration[] registrations) =>
        StartAsync(settings, kestrel, null, registrations);

    /// <summary>Starts a host whose FaxSdk builder is also given to <paramref name="faxSdk"/> (to add real provider packages).</summary>
    public static async Task<WebhookHost> StartAsync(IReadOnlyDictionary<string, string?> settings, bool kestrel, Action<IFaxSdkBuilder>? faxSdk, params FaxWebhookRegistration[] registrations)
    {
        var app = Build(settings, kestrel, registrations, out var clock, out var observer, out var logs, faxSdk);
        try
        {
            app.MapFaxWebhooks();
            await app.StartAsync();
            HttpClient client;
            if (kestrel)
            {
                var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
                client = new HttpClient { BaseAddress = new Uri(address) };
            }
            else
            {
                client = app.GetTestClient();
            }

            return new WebhookHost(app, clock, observer, logs, client);
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
    }

    public static WebApplication Build(IReadOnlyDictionary<string, string?> settings, bool kestrel, FaxWebhookRegistration[] registrations, out FakeTimeProvider clock, out RecordingObserver observer, out RecordingLoggerProvider logs, Action<IFaxSdkBuilder>? faxSdk = null)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        if (kestrel)
        {
            builder.WebHost.UseKestrelCore().ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        }
        else
        {
            builder.WebHost.UseTestServer();
        }

        builder.Configuration.AddInMemoryCollection(settings);
        clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 30, 10, 0, 0, TimeSpan.Zero));
        observer = new RecordingObserver();
        logs = new RecordingLoggerProvider();
        builder.Logging.AddProvider(logs);
        builder.Logging.SetMinimumLevel(LogLevel.Trace);
        builder.Services.AddRoutingCore();
        builder.Services.AddSingleton<TimeProvider>(clock);
        builder.Services.AddSingleton<IFaxWebhookRejectionObserver>(observer);
        var fax = builder.Services.AddFaxSdk(builder.Configuration).AddFaxWebhooks();
        faxSdk?.Invoke(fax);
        foreach (var registration in registrations)
        {
            builder.Services.AddSingleton(registration);
        }

        return builder.Build();
    }

    public static FaxWebhookRegistration Register(FakeReceiver? receiver, string instance = FaxJobReference.DefaultInstance) =>
        new(FakeReceiver.ProviderId, instance, _ => receiver);

    /// <summary>Completes once at least <paramref name="count"/> statuses have been pushed.</summary>
    public Task WhenPushedAsync(int count)
    {
        lock (_lock)
        {
            if (_pushed.Count >= count)
            {
                return Task.CompletedTask;
            }

            var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((count, done));
            return done.Task.WaitAsync(TimeSpan.FromSeconds(30));
        }
    }

    /// <summary>A signed form push, signed over <paramref name="signedUrl"/> (the public URL of the endpoint by default).</summary>
    public static HttpRequestMessage SignedPush(FakeReceiver receiver, string jobId, string state, string path = "/faxsdk/hooks/fake", string query = "", string? signedUrl = null)
    {
        var body = Encoding.UTF8.GetBytes($"job={jobId}&state={state}");
        var request = new HttpRequestMessage(HttpMethod.Post, path + query)
        {
            Content = new ByteArrayContent(body),
        };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/x-www-form-urlencoded");
        request.Headers.Add(FakeReceiver.SignatureHeader, FakeReceiver.Sign(receiver.Secret, signedUrl ?? PublicBase + path + query, body));
        return request;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
