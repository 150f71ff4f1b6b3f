using System.Net;

namespace FaxSdk.Tests.Resilience;

/// <summary>
/// A primary HttpMessageHandler that answers each call with the next scripted step (the last step repeats), and
/// records when (on the test's clock) and how it was called, and whether its responses were disposed.
/// </summary>
internal sealed class ScriptedHandler(TimeProvider clock, params ScriptedHandler.Step[] steps) : HttpMessageHandler
{
    public delegate Task<HttpResponseMessage> Step(HttpRequestMessage request, CancellationToken cancellationToken);

    private readonly object _gate = new();
    private readonly List<(DateTimeOffset At, HttpMethod Method)> _calls = [];
    private readonly List<TrackedResponse> _responses = [];

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

    public IReadOnlyList<TrackedResponse> Responses
    {
        get
        {
            lock (_gate)
            {
                return [.. _responses];
            }
        }
    }

    public static Step Status(int status, string? retryAfter = null, string body = "{}") => (_, _) =>
    {
        var response = new TrackedResponse((HttpStatusCode)status) { Content = new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(body)) };
        if (retryAfter is not null)
        {
            response.Headers.TryAddWithoutValidation("Retry-After", retryAfter);
        }

        return Task.FromResult<HttpResponseMessage>(response);
    };

    public static Step Ok(string body = """{"ok":true}""") => Status(200, body: body);

    public static Step Throws(Exception exception) => (_, _) => Task.FromException<HttpResponseMessage>(exception);

    /// <summary>Answers 200 with headers and the first byte of a body that then never comes; ends only when the read is cancelled.</summary>
    public static Step Stall() => (_, _) => Task.FromResult<HttpResponseMessage>(new TrackedResponse(HttpStatusCode.OK) { Content = new StreamContent(new StallingStream()) });

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
        if (response is TrackedResponse tracked)
        {
            lock (_gate)
            {
                _responses.Add(tracked);
            }
        }

        return response;
    }

    /// <summary>A response that remembers whether it was disposed.</summary>
    internal sealed class TrackedResponse(HttpStatusCode status) : HttpResponseMessage(status)
    {
        public bool Disposed { get; private set; }

        protected override void Dispose(bool disposing)
        {
            Disposed = true;
            base.Dispose(disposing);
        }
    }

    /// <summary>Sends one byte, then nothing, until the read is cancelled.</summary>
    private sealed class StallingStream : Stream
    {
        private bool _sentPrefix;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (!_sentPrefix)
            {
                _sentPrefix = true;
                buffer.Span[0] = (byte)'{';
                return 1;
            }

            await Task.Delay(Timeout.Infinite, cancellationToken);
            return 0;
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
