namespace FaxSdk.Testing;

/// <summary>The last <c>capacity</c> entries appended, oldest first (a ring): O(1) per append, bounded memory.</summary>
/// <typeparam name="T">The entry type.</typeparam>
internal sealed class BoundedLog<T>
{
    private readonly Lock _lock = new();
    private readonly T[] _ring;
    private long _appended;

    /// <summary>Creates a log.</summary>
    /// <param name="capacity">How many entries it keeps; 0 keeps none.</param>
    public BoundedLog(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(capacity);
        _ring = new T[capacity];
    }

    /// <summary>How many entries were appended in all, including those no longer kept.</summary>
    public long Appended => Interlocked.Read(ref _appended);

    /// <summary>Appends an entry, dropping the oldest when full.</summary>
    /// <param name="entry">The entry.</param>
    public void Append(T entry)
    {
        lock (_lock)
        {
            if (_ring.Length > 0)
            {
                _ring[(int)(_appended % _ring.Length)] = entry;
            }

            _appended++;
        }
    }

    /// <summary>A copy of the entries kept, oldest first.</summary>
    /// <returns>The entries.</returns>
    public T[] Snapshot()
    {
        lock (_lock)
        {
            var count = (int)Math.Min(_appended, _ring.Length);
            var copy = new T[count];
            var start = _appended - count;
            for (var i = 0; i < count; i++)
            {
                copy[i] = _ring[(int)((start + i) % _ring.Length)];
            }

            return copy;
        }
    }
}
