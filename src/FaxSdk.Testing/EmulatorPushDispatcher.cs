using System.Collections.Concurrent;
using System.Threading.Channels;
using FaxSdk.Testing.Providers;

namespace FaxSdk.Testing;

/// <summary>
/// Sends the emulator's pushes: plans each added job's pushes (with their faults), releases them when the emulator's
/// clock reaches them, and delivers them one at a time, in order, from a bounded queue, until stopped.
/// </summary>
internal sealed class EmulatorPushDispatcher : IAsyncDisposable
{
    private readonly FaxEmulator _emulator;
    private readonly EmulatorPushOptions _options;
    private readonly IReadOnlyDictionary<string, IProviderPusher> _pushers;
    private readonly Lock _lock = new();
    private readonly PriorityQueue<Delivery, (DateTimeOffset Due, long Sequence)> _timeline = new();
    private readonly Channel<Delivery> _queue;
    private readonly ConcurrentQueue<EmulatedPush> _log = new();
    private readonly ConcurrentQueue<InjectedPushFault> _faults = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly HttpClient _http;
    private readonly ITimer _timer;
    private readonly Task _worker;
    private long _sequence;
    private int _outstanding;
    private TaskCompletionSource _idle = Completed();
    private bool _stopped;

    public EmulatorPushDispatcher(FaxEmulator emulator, EmulatorPushOptions options, IEnumerable<IProviderPusher> pushers)
    {
        _emulator = emulator;
        _options = options;
        _pushers = pushers.ToDictionary(p => p.ProviderId, StringComparer.Ordinal);
        _queue = Channel.CreateBounded<Delivery>(new BoundedChannelOptions(options.MaxQueuedPushes) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });
        _http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false }) { Timeout = Timeout.InfiniteTimeSpan };
        _timer = emulator.Time.CreateTimer(_ => Release(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        _worker = Task.Run(DeliverAsync);
    }

    /// <summary>Raised after each push is delivered (or recorded as lost or failed).</summary>
    public event EventHandler<EmulatedPush>? Delivered;

    public IReadOnlyList<EmulatedPush> Log => [.. _log];

    public IReadOnlyList<InjectedPushFault> InjectedFaults => [.. _faults];

    /// <summary>Whether a provider's pushes are sent (it pushes, and has an address).</summary>
    public bool Pushes(string provider) => _pushers.ContainsKey(provider) && _options.AddressFor(provider) is not null;

    public IEnumerable<IProviderPusher> ActivePushers => _pushers.Values.Where(p => Pushes(p.ProviderId));

    /// <summary>Plans a new job's pushes, deciding their faults now, and releases those already due.</summary>
    public void Schedule(EmulatedJobRun run)
    {
        var provider = run.Job.Provider;
        if (!_pushers.TryGetValue(provider, out var pusher) || _options.AddressFor(provider) is not { } address)
        {
            return;
        }

        var url = address.OriginalString;
        var plan = pusher.Plan(run);
        var finalIndex = plan.Select((p, i) => p.IsFinal ? i : -1).DefaultIfEmpty(-1).Max();
        var faults = _emulator.Faults;
        var ordered = new List<(DateTimeOffset Due, Delivery Delivery)>();
        var late = new List<Delivery>();
        for (var i = 0; i < plan.Count; i++)
        {
            var push = plan[i];
            var due = run.TimeOf(push.At);
            var genuine = new Delivery(pusher, run, push, i, url, null);
            var fault = faults.DecidePush(provider, run.Job.JobId, i, canArriveLate: !push.IsFinal && finalIndex > i);
            if (fault is { } kind)
            {
                _faults.Enqueue(new InjectedPushFault(provider, run.Job.JobId, push.Event, i, kind));
            }

            switch (fault)
            {
                case EmulatedPushFault.Lost:
                    ordered.Add((due, genuine with { Fault = EmulatedPushFault.Lost }));
                    break;
                case EmulatedPushFault.Duplicate:
                    ordered.Add((due, genuine));
                    ordered.Add((due, genuine with { Fault = EmulatedPushFault.Duplicate }));
                    break;
                case EmulatedPushFault.BadSignature:
                    ordered.Add((due, genuine with { Fault = EmulatedPushFault.BadSignature }));
                    ordered.Add((due, genuine));
                    break;
                case EmulatedPushFault.OutOfOrder:
                    late.Add(genuine with { Fault = EmulatedPushFault.OutOfOrder });
                    break;
                default:
                    ordered.Add((due, genuine));
                    break;
            }

            if (i == finalIndex)
            {
                // Late in-flight events arrive right after the final push.
                ordered.AddRange(late.Select(d => (due, d)));
                late.Clear();
            }
        }

        lock (_lock)
        {
            if (_stopped)
            {
                return;
            }

            foreach (var (due, delivery) in ordered)
            {
                _timeline.Enqueue(delivery, (due, _sequence++));
            }
        }

        Release();
    }

    /// <summary>Completes when every push due so far has been delivered, recorded as lost, or has failed.</summary>
    public Task WhenIdleAsync(CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return _idle.Task.WaitAsync(cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        lock (_lock)
        {
            if (_stopped)
            {
                return;
            }

            _stopped = true;
            _timeline.Clear();
        }

        await _timer.DisposeAsync().ConfigureAwait(false);
        _queue.Writer.TryComplete();
        await _stopping.CancelAsync().ConfigureAwait(false);
        await _worker.ConfigureAwait(false);
        _http.Dispose();
        _stopping.Dispose();
        lock (_lock)
        {
            _idle.TrySetResult();
        }
    }

    /// <summary>Moves every push due by the emulator's clock to the send queue, in order, and sets the timer for the next.</summary>
    private void Release()
    {
        var dropped = new List<Delivery>();
        lock (_lock)
        {
            if (_stopped)
            {
                return;
            }

            var now = _emulator.Time.GetUtcNow();
            while (_timeline.TryPeek(out var delivery, out var key) && key.Due <= now)
            {
                _timeline.Dequeue();
                if (_outstanding++ == 0)
                {
                    _idle = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                }

                if (!_queue.Writer.TryWrite(delivery))
                {
                    dropped.Add(delivery);
                }
            }

            if (_timeline.TryPeek(out _, out var next))
            {
                var wait = next.Due - now;
                _timer.Change(wait > TimeSpan.Zero ? wait : TimeSpan.FromMilliseconds(1), Timeout.InfiniteTimeSpan);
            }
        }

        // Recorded outside the lock: subscribers of Delivered run no code under it.
        foreach (var delivery in dropped)
        {
            Record(delivery.Record() with { Error = $"not sent: more than {_options.MaxQueuedPushes} pushes were waiting" });
        }
    }

    private async Task DeliverAsync()
    {
        try
        {
            await foreach (var delivery in _queue.Reader.ReadAllAsync(_stopping.Token).ConfigureAwait(false))
            {
                Record(await SendAsync(delivery).ConfigureAwait(false));
            }
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            // Stopped: what is still queued is not sent.
        }
    }

    private async Task<EmulatedPush> SendAsync(Delivery delivery)
    {
        var record = delivery.Record();
        if (delivery.Fault == EmulatedPushFault.Lost)
        {
            return record;
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(_stopping.Token);
        timeout.CancelAfter(_options.Timeout);
        try
        {
            using var request = delivery.Pusher.Create(delivery.Push, delivery.Run, delivery.Url, forged: delivery.Fault == EmulatedPushFault.BadSignature);
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
            return record with { Sent = true, StatusCode = (int)response.StatusCode };
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            return record with { Sent = true, Error = "the emulator stopped" };
        }
        catch (OperationCanceledException)
        {
            return record with { Sent = true, Error = $"no answer within {_options.Timeout}" };
        }
        catch (HttpRequestException exception)
        {
            return record with { Sent = true, Error = exception.Message };
        }
    }

    private void Record(EmulatedPush push)
    {
        _log.Enqueue(push);
        try
        {
            Delivered?.Invoke(this, push);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // A subscriber's failure never stops the pushes.
        }

        lock (_lock)
        {
            if (--_outstanding == 0)
            {
                _idle.TrySetResult();
            }
        }
    }

    private static TaskCompletionSource Completed()
    {
        var source = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        source.SetResult();
        return source;
    }

    /// <summary>One delivery on the timeline: a planned push, to a URL, with the fault it carries.</summary>
    private sealed record Delivery(IProviderPusher Pusher, EmulatedJobRun Run, PlannedPush Push, int Index, string Url, EmulatedPushFault? Fault)
    {
        public EmulatedPush Record() =>
            new(Run.Job.Provider, Run.Job.JobId, Push.Event, Index, new Uri(Url)) { IsFinal = Push.IsFinal, At = Run.TimeOf(Push.At), Fault = Fault };
    }
}
