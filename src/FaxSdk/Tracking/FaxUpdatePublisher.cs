using System.Threading.Channels;

namespace FaxSdk;

/// <summary>
/// Hands a tracker's observations to the application: <see cref="JobChanged"/>, <see cref="JobCompleted"/>,
/// <see cref="PollFailed"/>, <see cref="JobAbandoned"/> and the per-run channel of updates. One per tracker or worker.
/// </summary>
internal sealed class FaxUpdatePublisher(object sender, FaxStatusClient client)
{
    private readonly Lock _lock = new();
    private Channel<FaxJobUpdate>? _updates;

    /// <summary>Handlers of every change.</summary>
    public EventHandler<FaxJobUpdate>? JobChanged { get; set; }

    /// <summary>Handlers of final changes.</summary>
    public EventHandler<FaxJobUpdate>? JobCompleted { get; set; }

    /// <summary>Handlers of failed polls and feed reads.</summary>
    public EventHandler<FaxPollFailure>? PollFailed { get; set; }

    /// <summary>Handlers of jobs given up.</summary>
    public EventHandler<FaxPollFailure>? JobAbandoned { get; set; }

    /// <summary>The channel of the current (or next) run.</summary>
    public ChannelReader<FaxJobUpdate> Updates
    {
        get
        {
            lock (_lock)
            {
                _updates ??= Channel.CreateUnbounded<FaxJobUpdate>(new UnboundedChannelOptions { SingleWriter = true });
                return _updates.Reader;
            }
        }
    }

    /// <summary>Publishes one change: metrics and logs, the channel, <see cref="JobChanged"/>, then <see cref="JobCompleted"/> when final.
    /// A handler that throws stops the rest and the exception goes to the caller.</summary>
    public void Publish(FaxJobUpdate update)
    {
        client.OnStateObserved(update.Job, update.Previous?.State, update.Status.State);
        lock (_lock)
        {
            _updates?.Writer.TryWrite(update);
        }

        JobChanged?.Invoke(sender, update);
        if (update.Status.IsTerminal)
        {
            JobCompleted?.Invoke(sender, update);
        }
    }

    /// <summary>Raises <see cref="PollFailed"/>.</summary>
    public void Failed(FaxPollFailure failure) => PollFailed?.Invoke(sender, failure);

    /// <summary>Raises <see cref="JobAbandoned"/>.</summary>
    public void Abandoned(FaxPollFailure failure) => JobAbandoned?.Invoke(sender, failure);

    /// <summary>Completes the current run's channel; the next access to <see cref="Updates"/> starts a new one.</summary>
    public void CompleteRun()
    {
        lock (_lock)
        {
            _updates?.Writer.TryComplete();
            _updates = null;
        }
    }
}
