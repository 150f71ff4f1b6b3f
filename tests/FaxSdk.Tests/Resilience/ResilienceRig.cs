using FaxSdk.Resilience;
using FaxSdk.Transport;
using Microsoft.Extensions.Time.Testing;

namespace FaxSdk.Tests.Resilience;

/// <summary>A <see cref="FaxResilienceHandler"/> over a <see cref="ScriptedHandler"/>, on a fake clock, with captured logs.</summary>
internal sealed class ResilienceRig : IDisposable
{
    private static int _next;

    public ResilienceRig(Action<FaxResilienceOptions>? configure, params ScriptedHandler.Step[] steps)
    {
        Instance = $"rig{Interlocked.Increment(ref _next)}";
        Clock = VirtualTime.NewClock();
        Inner = new ScriptedHandler(Clock, steps);
        Options = new FaxResilienceOptions();
        configure?.Invoke(Options);
        Handler = new FaxResilienceHandler(Options, "test", Instance, Clock, Logs) { InnerHandler = Inner };
        Client = new HttpClient(Handler) { Timeout = Timeout.InfiniteTimeSpan };
    }

    public string Instance { get; }

    public FakeTimeProvider Clock { get; }

    public ScriptedHandler Inner { get; }

    public FaxResilienceOptions Options { get; }

    public FaxResilienceHandler Handler { get; }

    public HttpClient Client { get; }

    public CapturingLoggerProvider Logs { get; } = new();

    public static HttpRequestMessage Request(HttpMethod? method = null, bool? idempotent = null)
    {
        var request = new HttpRequestMessage(method ?? HttpMethod.Get, "https://api.example.com/faxes/1");
        if (method == HttpMethod.Post || method == HttpMethod.Patch)
        {
            request.Content = new ByteArrayContent("""{"jobId":"1"}"""u8.ToArray());
        }

        if (idempotent is { } value)
        {
            request.Options.Set(FaxResilience.IdempotentRequest, value);
        }

        return request;
    }

    /// <summary>Sends through <see cref="FaxHttpRequests"/> (typed exceptions) without moving the clock.</summary>
    public Task<byte[]> Send(HttpRequestMessage? request = null, CancellationToken cancellationToken = default) =>
        FaxHttpRequests.SendAsync(Client, request ?? Request(), new FaxProviderOptions { BaseAddress = new Uri("https://api.example.com/") }, "test", Instance, "1", cancellationToken);

    /// <summary>Sends and moves the clock until the call ends.</summary>
    public Task<byte[]> SendDriven(HttpRequestMessage? request = null) => Clock.Drive(Send(request));

    public void Dispose()
    {
        Client.Dispose();
        Inner.Dispose();
    }
}
