using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FaxSdk.AspNetCore;

/// <summary>
/// The bounded queue between webhook responses and <see cref="FaxStatusClient.Pushes"/>: an endpoint answers as soon as
/// its pushes are queued (or 503 when the queue is full, so the provider retries), and this hosted service hands them to
/// <see cref="FaxPushInbox.AcceptAsync"/>, which may confirm an unsigned final state with a status read. At shutdown no
/// more pushes are queued (503) and the queued ones are still handed over until the host's shutdown timeout ends; any
/// left then are logged and counted as dropped (the jobs' states are found by polling).
/// </summary>
internal sealed class WebhookPushQueue : IHostedService, IDisposable
{
    private readonly Channel<QueuedPushes> _channel;
    private readonly FaxStatusClient _client;
    private readonly ILogger _logger;
    private readonly int _capacity;
    private readonly int _concurrency;
    private readonly CancellationTokenSource _abort = new();
    private Task _processing = Task.CompletedTask;

    public WebhookPushQueue(FaxStatusClient client, IOptions<FaxWebhookHostOptions> options, ILoggerFactory? loggerFactory = null)
    {
        _client = client;
        _capacity = options.Value.QueueCapacity;
        _concurrency = options.Value.QueueConcurrency;
        _logger = (ILogger?)loggerFactory?.CreateLogger(FaxWebhookDiagnostics.LoggerCategory) ?? Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;
        _channel = Channel.CreateBounded<QueuedPushes>(new BoundedChannelOptions(_capacity)
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleReader = _concurrency == 1,
        });
    }

    /// <summary>The queue's capacity (requests).</summary>
    public int Capacity => _capacity;

    /// <summary>Queues one request's pushes, all or none.</summary>
    /// <param name="pushes">The pushes.</param>
    /// <returns><see langword="false"/> when the queue is full or shutting down.</returns>
    public bool TryEnqueue(QueuedPushes pushes)
    {
        return _channel.Writer.TryWrite(pushes);
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _processing = Task.WhenAll(Enumerable.Range(0, _concurrency).Select(_ => Task.Run(ProcessAsync, CancellationToken.None)));
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        _channel.Writer.TryComplete();
        try
        {
            await _processing.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await _abort.CancelAsync().ConfigureAwait(false);
            await _processing.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    public void Dispose() => _abort.Dispose();

    private async Task ProcessAsync()
    {
        await foreach (var item in _channel.Reader.ReadAllAsync(CancellationToken.None).ConfigureAwait(false))
        {
            foreach (var push in item.Pushes)
            {
                await AcceptAsync(item, push).ConfigureAwait(false);
            }

            if (_abort.IsCancellationRequested)
            {
                break;
            }
        }

        // Shutdown ended early: whatever is still queued is counted and logged, never lost silently.
        var dropped = 0;
        while (_channel.Reader.TryRead(out var left))
        {
            dropped += left.Pushes.Count;
            WebhookTelemetry.RecordPush(left.Provider, left.Instance, "dropped", left.Pushes.Count);
        }

        if (dropped > 0)
        {
            Log.PushesDropped(_logger, dropped);
        }
    }

    private async Task AcceptAsync(QueuedPushes item, FaxPushedStatus push)
    {
        if (_abort.IsCancellationRequested)
        {
            WebhookTelemetry.RecordPush(item.Provider, item.Instance, "dropped");
            Log.PushesDropped(_logger, 1);
            return;
        }

        try
        {
            var disposition = await _client.Pushes.AcceptAsync(push, _abort.Token).ConfigureAwait(false);
            WebhookTelemetry.RecordPush(item.Provider, item.Instance, disposition switch
            {
                FaxPushDisposition.Published => "published",
                FaxPushDisposition.Duplicate => "duplicate",
                FaxPushDisposition.Stale => "stale",
                _ => "unconfirmed",
            });
            if (disposition == FaxPushDisposition.Unconfirmed)
            {
                Log.Unconfirmed(_logger, push.Job); // formatted only when the level is on
            }
        }
        catch (OperationCanceledException) when (_abort.IsCancellationRequested)
        {
            WebhookTelemetry.RecordPush(item.Provider, item.Instance, "dropped");
            Log.PushesDropped(_logger, 1);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            WebhookTelemetry.RecordPush(item.Provider, item.Instance, "failed");
            Log.PushFailed(_logger, push.Job, exception.GetType().Name);
        }
    }
}
