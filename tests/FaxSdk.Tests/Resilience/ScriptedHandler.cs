using System.Net;

namespace FaxSdk.Tests.Resilience;

/// <summary>
/// An inner HttpMessageHandler that answers each call with the next scripted step (the last step repeats), and
/// records when (on the test's clock) and how it was called, and whether its responses were disposed.
/// </summary>
internal sealed class ScriptedHandler(TimeProvider clock, params ScriptedHandler.Step[] steps) : HttpMessageHandler
{
    public delegate Task<HttpResponseMessage> Step(HttpRequestMessage request, CancellationToken cancellationToken);

    private readonly object _gate = new();
    private readonly List<(DateTimeOffset At, HttpMethod Method)> _calls = [];
    private readonly List<TrackedContent> _contents = [];

    public int Calls
    {
        get
        {
            lock (_gate)
            {
                return _calls.Count;
            }
        }
    }

    public IReadOnlyList<DateTimeOffset> CallTimes
    {
        get
        {
            lock (_gate)
            {
                return [.. _calls.Select(c => c.At)];
            }
        }
    }

    public IReadOnlyList<TrackedContent> Contents
    {
        get
        {
            lock (_gate)
            {
                return [.. _contents];
            }
        }
    }

    public static Step Status(int status, string? retryAfter = null, string body = "{}") => (_, _) =>
    {
        var response = new HttpResponseMessage((HttpStatusCode)status) { Content = new TrackedContent(body) };
        if (retryAfter is not null)
        {
            response.Headers.TryAddWithoutValidation("Retry-After", retryAfter);
        }

        return Task.FromResult(response);
    };

    public static Step Ok(string body = """{"ok":true}""") => Status(200, body: body);

    public static Step Throws(Exception exception) => (_, _) => Task.FromException<HttpResponseMessage>(exception);

    /// <summary>Never answers; ends only when the attempt is cancelled.</summary>
    public static Step Hang() => async (_, cancellationToken) =>
    {
        await Task.Delay(Timeout.Infinite, cancellationToken);
        throw new InvalidOperationException("unreachable");
    };

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Step step;
        lock (_gate)
        {
            step = steps[Math.Min(_calls.Count, steps.Length - 1)];
            _calls.Add((clock.GetUtcNow(), request.Method));
        }

        return Track(step(request, cancellationToken));
    }

    private async Task<HttpResponseMessage> Track(Task<HttpResponseMessage> task)
    {
        var response = await task;
        if (response.Content is TrackedContent content)
        {
            lock (_gate)
            {
                _contents.Add(content);
            }
        }

        return response;
    }

    /// <summary>Content that remembers whether it was disposed (a response disposes its content).</summary>
    internal sealed class TrackedContent(string body) : ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(body))
    {
        public bool Disposed { get; private set; }

        protected override void Dispose(bool disposing)
        {
            Disposed = true;
            base.Dispose(disposing);
        }
    }
}
