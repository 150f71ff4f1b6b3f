namespace FaxSdk;

/// <summary>
/// Remembers the last final status of up to <c>capacity</c> jobs so that what the client reports never goes from
/// final back to non-final. The oldest entries (by when their final status was last written) are forgotten first.
/// </summary>
/// <remarks>
/// Statuses are kept in their compact binary form (<see cref="FaxStatusCodec"/>) in one ring of bytes, not as object
/// graphs: a remembered status would otherwise outlive many gen0 collections, be promoted to gen2 and die there, which
/// at a million tracked jobs made the GC pause share several times larger. The ring is pointer-free (the GC does not
/// trace it) and reused; it grows, by repacking, only when its live entries no longer fit. A status is decoded only
/// when it is needed: a non-final answer for a job remembered final.
/// </remarks>
internal sealed class TerminalStatusMemory
{
    private const int InitialRingBytes = 4096;
    private readonly int _capacity;
    private readonly Dictionary<FaxJobReference, Entry> _entries = [];

    /// <summary>Every write in order, with its place in the ring; a write superseded by a later one of its job is stale.</summary>
    private readonly Queue<Entry> _order = new();
    private readonly Lock _lock = new();
    private readonly MemoryStream _scratch = new();
    private readonly BinaryWriter _writer;
    private byte[] _ring = [];
    private int _head;
    private int _tail;
    private long _sequence;

    public TerminalStatusMemory(int capacity)
    {
        _capacity = capacity;
        _writer = new BinaryWriter(_scratch);
    }

    /// <summary>Returns what the client should report for a freshly read status.</summary>
    /// <param name="job">The job.</param>
    /// <param name="read">What the provider answered.</param>
    /// <returns><paramref name="read"/>, or the remembered final status when <paramref name="read"/> is not final.</returns>
    public FaxJobStatus Reconcile(FaxJobReference job, FaxJobStatus read)
    {
        if (read.IsTerminal)
        {
            if (_capacity > 0)
            {
                Remember(job, read);
            }

            return read;
        }

        return TryGet(job, out var final) ? final : read;
    }

    /// <summary>Whether a final status of a job is remembered, without decoding it.</summary>
    /// <param name="job">The job.</param>
    /// <returns>Whether one is remembered.</returns>
    public bool Contains(FaxJobReference job)
    {
        lock (_lock)
        {
            return _entries.ContainsKey(job);
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
            if (!_entries.TryGetValue(job, out var entry))
            {
                status = null;
                return false;
            }

            using var reader = new BinaryReader(new MemoryStream(_ring, entry.Offset, entry.Length, writable: false));
            status = FaxStatusCodec.Read(reader);
            return true;
        }
    }

    /// <summary>How many bytes the ring holds (for tests: it must stay bounded).</summary>
    internal int RingBytes
    {
        get
        {
            lock (_lock)
            {
                return _ring.Length;
            }
        }
    }

    private void Remember(FaxJobReference job, FaxJobStatus status)
    {
        lock (_lock)
        {
            _scratch.SetLength(0);
            FaxStatusCodec.Write(_writer, status);
            _writer.Flush();
            var bytes = _scratch.GetBuffer().AsSpan(0, (int)_scratch.Length);
            var offset = Reserve(bytes.Length);
            bytes.CopyTo(_ring.AsSpan(offset));
            _tail = offset + bytes.Length;
            var entry = new Entry(job, ++_sequence, offset, bytes.Length);
            _entries[job] = entry;
            _order.Enqueue(entry);
            while (_order.TryPeek(out var oldest) && (_entries.Count > _capacity || !IsLive(oldest)))
            {
                _order.Dequeue();
                if (IsLive(oldest))
                {
                    _entries.Remove(oldest.Job);
                }

                _head = _order.TryPeek(out var next) ? next.Offset : (_tail = 0);
            }
        }
    }

    private bool IsLive(Entry entry) => _entries.TryGetValue(entry.Job, out var current) && current.Sequence == entry.Sequence;

    /// <summary>Where <paramref name="length"/> bytes can be written after the newest entry (growing the ring if needed).
    /// The live bytes run from <c>_head</c> to <c>_tail</c>, wrapping at the end of the ring; they never fill it completely,
    /// so <c>_head == _tail</c> means empty.</summary>
    private int Reserve(int length)
    {
        if (_order.Count == 0)
        {
            _head = _tail = 0;
        }

        if (_tail >= _head)
        {
            if (_ring.Length - _tail >= length)
            {
                return _tail;
            }

            if (length < _head)
            {
                return 0;
            }
        }
        else if (_head - _tail > length)
        {
            return _tail;
        }

        Repack(length);
        return _tail;
    }

    /// <summary>Copies the live entries, oldest first, to the start of a larger ring (stale writes are dropped).</summary>
    private void Repack(int length)
    {
        var live = _order.Where(IsLive).ToList();
        var liveBytes = live.Sum(e => (long)e.Length);
        var ring = new byte[Math.Max(Math.Max(InitialRingBytes, _ring.Length), checked((int)(2 * (liveBytes + length))))];
        _order.Clear();
        var at = 0;
        foreach (var entry in live)
        {
            _ring.AsSpan(entry.Offset, entry.Length).CopyTo(ring.AsSpan(at));
            var moved = entry with { Offset = at };
            _entries[entry.Job] = moved;
            _order.Enqueue(moved);
            at += entry.Length;
        }

        _ring = ring;
        _head = 0;
        _tail = at;
    }

    private readonly record struct Entry(FaxJobReference Job, long Sequence, int Offset, int Length);
}
