namespace FaxSdk;

/// <summary>
/// Where authenticated, parsed pushes enter the SDK (<see cref="FaxStatusClient.Pushes"/>): it drops duplicates and
/// late events, confirms unsigned final states with one status read, records final states in the client's memory of
/// final statuses, and publishes what is new to <see cref="StatusPushed"/>, which trackers and applications subscribe to.
/// </summary>
/// <remarks>Thread-safe. Webhook receivers (FaxSdk.AspNetCore, or an application's own) call <see cref="AcceptAsync"/>.</remarks>
public sealed class FaxPushInbox
{
    private readonly FaxStatusClient _client;
    private readonly FaxPushOptions _options;
    private readonly Lock _lock = new();
    private readonly HashSet<string> _keys = new(StringComparer.Ordinal);
    private readonly Queue<string> _keyOrder = new();
    private readonly Dictionary<FaxJobReference, FaxJobStatus> _last = [];
    private readonly Queue<FaxJobReference> _lastOrder = new();
    private readonly HashSet<(string Provider, string Instance)> _receivers = [];

    internal FaxPushInbox(FaxStatusClient client, FaxPushOptions options)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(options.DeduplicationCapacity, nameof(options.DeduplicationCapacity));
        _client = client;
        _options = options;
    }

    /// <summary>
    /// Raised once per new pushed status, after deduplication and confirmation; <see cref="FaxJobUpdate.Previous"/> is
    /// the status last pushed for the job, if remembered. A handler that throws does not affect the push or other handlers.
    /// </summary>
    public event EventHandler<FaxJobUpdate>? StatusPushed;

    /// <summary>
    /// Declares that pushes for a provider instance are received in this process, so trackers poll its jobs only as a
    /// slow safety net (<see cref="FaxTrackerOptions.PushSafetyNetInterval"/>).
    /// </summary>
    /// <param name="provider">The provider id.</param>
    /// <param name="instance">The instance name.</param>
    public void RegisterReceiver(string provider, string instance = FaxJobReference.DefaultInstance)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(provider);
        ArgumentException.ThrowIfNullOrWhiteSpace(instance);
        lock (_lock)
        {
            _receivers.Add((provider, instance));
        }
    }

    /// <summary>Whether <see cref="RegisterReceiver"/> was called for a provider instance.</summary>
    /// <param name="provider">The provider id.</param>
    /// <param name="instance">The instance name.</param>
    /// <returns><see langword="true"/> when its pushes are received in this process.</returns>
    public bool HasReceiver(string provider, string instance = FaxJobReference.DefaultInstance)
    {
        lock (_lock)
        {
            return _receivers.Contains((provider, instance));
        }
    }

    /// <summary>Takes one pushed status.</summary>
    /// <param name="push">The authenticated, parsed push.</param>
    /// <param name="cancellationToken">Cancels the confirming status read, if one is made.</param>
    /// <returns>What was done with the push.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="push"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The status is about another job or provider than <see cref="FaxPushedStatus.Job"/>.</exception>
    public async Task<FaxPushDisposition> AcceptAsync(FaxPushedStatus push, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(push);
        ArgumentNullException.ThrowIfNull(push.Job, nameof(push.Job));
        ArgumentNullException.ThrowIfNull(push.Status, nameof(push.Status));
        ArgumentException.ThrowIfNullOrEmpty(push.DeliveryKey, nameof(push.DeliveryKey));
        var job = push.Job;
        if (!string.Equals(push.Status.JobId, job.JobId, StringComparison.Ordinal) || !string.Equals(push.Status.Provider, job.Provider, StringComparison.Ordinal))
        {
            throw new ArgumentException("The pushed status is about another job than the push's job reference.", nameof(push));
        }

        // Keys are per provider instance: two accounts of one provider may number their jobs alike.
        var key = string.Concat(job.Provider, "/", job.Instance, "/", push.DeliveryKey);
        lock (_lock)
        {
            if (_keys.Contains(key))
            {
                return FaxPushDisposition.Duplicate;
            }

            if (IsFinal(job))
            {
                // Not remembered as delivered: the final status may come from a concurrent push's own confirming read,
                // and that push must still find its key unseen when it publishes.
                return FaxPushDisposition.Stale;
            }
        }

        var status = push.Status;
        var disposition = FaxPushDisposition.Published;
        if (status.IsTerminal && push.Trust == FaxPushTrust.Unsigned && _options.ConfirmUnsignedFinalStates)
        {
            try
            {
                status = await _client.GetStatusAsync(job, cancellationToken).ConfigureAwait(false);
            }
            catch (FaxSdkException)
            {
                return FaxPushDisposition.Unconfirmed;
            }

            if (!status.IsTerminal)
            {
                disposition = FaxPushDisposition.Unconfirmed;
            }
        }

        FaxJobUpdate update;
        lock (_lock)
        {
            if (disposition == FaxPushDisposition.Published && _keys.Contains(key))
            {
                return FaxPushDisposition.Duplicate;
            }

            _last.TryGetValue(job, out var previous);
            if (previous is { IsTerminal: true } || (!status.IsTerminal && _client.IsRememberedFinal(job)))
            {
                // Final meanwhile (a poll, or another push, while this one was confirmed): nothing goes back.
                return disposition == FaxPushDisposition.Published ? FaxPushDisposition.Stale : disposition;
            }

            if (disposition == FaxPushDisposition.Published)
            {
                Remember(key);
            }

            if (disposition == FaxPushDisposition.Unconfirmed && status.Equals(previous))
            {
                return disposition;
            }

            if (status.IsTerminal)
            {
                status = _client.RememberFinal(job, status);
            }

            if (!_last.ContainsKey(job))
            {
                _lastOrder.Enqueue(job);
                while (_lastOrder.Count > _options.DeduplicationCapacity && _lastOrder.TryDequeue(out var oldest))
                {
                    _last.Remove(oldest);
                }
            }

            if (_options.DeduplicationCapacity > 0)
            {
                _last[job] = status;
            }

            update = new FaxJobUpdate { Job = job, Status = status, Previous = previous };
        }

        _client.OnStateObserved(job, update.Previous?.State, status.State);
        Raise(update);
        return disposition;
    }

    private bool IsFinal(FaxJobReference job) =>
        (_last.TryGetValue(job, out var last) && last.IsTerminal) || _client.IsRememberedFinal(job);

    private void Remember(string key)
    {
        if (_options.DeduplicationCapacity == 0 || !_keys.Add(key))
        {
            return;
        }

        _keyOrder.Enqueue(key);
        while (_keyOrder.Count > _options.DeduplicationCapacity && _keyOrder.TryDequeue(out var oldest))
        {
            _keys.Remove(oldest);
        }
    }

    private void Raise(FaxJobUpdate update)
    {
        if (StatusPushed is not { } handlers)
        {
            return;
        }

        foreach (var handler in handlers.GetInvocationList().Cast<EventHandler<FaxJobUpdate>>())
        {
            try
            {
                handler(this, update);
            }
            catch (Exception exception) when (exception is not OutOfMemoryException)
            {
                _client.OnPushHandlerFailed(update.Job, exception);
            }
        }
    }
}
