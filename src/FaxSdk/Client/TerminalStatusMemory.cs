namespace FaxSdk;

/// <summary>
/// Remembers the last final status of up to <c>capacity</c> jobs so that what the client reports never goes from
/// final back to non-final. The oldest entries are forgotten first.
/// </summary>
internal sealed class TerminalStatusMemory(int capacity)
{
    private readonly Dictionary<FaxJobReference, FaxJobStatus> _statuses = [];
    private readonly Queue<FaxJobReference> _order = new();
    private readonly Lock _lock = new();

    /// <summary>Returns what the client should report for a freshly read status.</summary>
    /// <param name="job">The job.</param>
    /// <param name="read">What the provider answered.</param>
    /// <returns><paramref name="read"/>, or the remembered final status when <paramref name="read"/> is not final.</returns>
    public FaxJobStatus Reconcile(FaxJobReference job, FaxJobStatus read)
    {
        lock (_lock)
        {
            if (read.IsTerminal)
            {
                if (!_statuses.ContainsKey(job))
                {
                    _order.Enqueue(job);
                    while (_order.Count > capacity && _order.TryDequeue(out var oldest))
                    {
                        _statuses.Remove(oldest);
                    }
                }

                if (capacity > 0)
                {
                    _statuses[job] = read;
                }

                return read;
            }

            return _statuses.TryGetValue(job, out var final) ? final : read;
        }
    }

    /// <summary>Looks up the remembered final status of a job.</summary>
    /// <param name="job">The job.</param>
    /// <param name="status">The final status, when remembered.</param>
    /// <returns>Whether one is remembered.</returns>
    public bool TryGet(FaxJobReference job, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out FaxJobStatus? status)
    {
        lock (_lock)
        {
            return _statuses.TryGetValue(job, out status);
        }
    }
}
