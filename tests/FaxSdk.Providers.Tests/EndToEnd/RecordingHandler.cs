using System.Collections.Concurrent;
using System.Net;

namespace FaxSdk.Providers.Tests.EndToEnd;

/// <summary>Records every outgoing request's method, path and headers, and can fail chosen requests.</summary>
internal sealed class RecordingHandler(Func<HttpRequestMessage, int, HttpStatusCode?>? fail = null) : DelegatingHandler
{
    private int _count;

    public ConcurrentQueue<(HttpMethod Method, string Path, Dictionary<string, string> Headers)> Sent { get; } = new();

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var number = Interlocked.Increment(ref _count);
        Sent.Enqueue((request.Method, request.RequestUri!.AbsolutePath, request.Headers.ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase)));
        if (fail?.Invoke(request, number) is { } status)
        {
            return Task.FromResult(new HttpResponseMessage(status) { RequestMessage = request });
        }

        return base.SendAsync(request, cancellationToken);
    }
}
