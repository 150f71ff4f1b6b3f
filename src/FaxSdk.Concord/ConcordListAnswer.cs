using System.Buffers;

namespace FaxSdk.Concord;

/// <summary>
/// A list answer (<c>GetFaxStatus</c>, <c>GetRealTimeFaxStatus…</c>) as it is read: its <c>return</c>, its
/// <c>WSError</c>, and its statuses, built item by item into an array rented from <see cref="ArrayPool{T}.Shared"/>
/// and copied once, to an array of the exact length, by <see cref="ToStatuses"/>. A mutable struct: keep it in a local
/// or a slot and pass it by <see langword="ref"/>; every path ends with <see cref="ToStatuses"/> or <see cref="Release"/>.
/// </summary>
internal struct ConcordListAnswer
{
    private FaxJobStatus[]? _buffer;
    private int _count;
    private bool _itemWithoutJobId;

    /// <summary><c>return</c>.</summary>
    public bool? Return;

    /// <summary><c>WSError/ErrorCode</c>, 0 without a <c>WSError</c>.</summary>
    public int ErrorCode;

    /// <summary><c>WSError/ErrorString</c>.</summary>
    public string? ErrorText;

    /// <summary>Drops the statuses read so far: a repeated <c>FaxStatusList</c> replaces the earlier one.</summary>
    public void ClearStatuses()
    {
        _buffer.AsSpan(0, _count).Clear();
        _count = 0;
        _itemWithoutJobId = false;
    }

    /// <summary>Adds one item's status. An item without a job id is remembered and refused by <see cref="ToStatuses"/>
    /// (after the <c>return</c> check, which decides first even when <c>return</c> comes later in the body).</summary>
    /// <param name="item">The item's fields.</param>
    public void Add(in ConcordStatusFields item)
    {
        if (string.IsNullOrEmpty(item.JobId))
        {
            _itemWithoutJobId = true;
            return;
        }

        if (_buffer is null || _count == _buffer.Length)
        {
            var grown = ArrayPool<FaxJobStatus>.Shared.Rent(_buffer is null ? 16 : _buffer.Length * 2);
            if (_buffer is not null)
            {
                _buffer.AsSpan(0, _count).CopyTo(grown);
                _buffer.AsSpan(0, _count).Clear();
                ArrayPool<FaxJobStatus>.Shared.Return(_buffer);
            }

            _buffer = grown;
        }

        var status = ConcordStatusParser.ToStatus(in item, _count > 0 ? _buffer[_count - 1].Error : null);
        _buffer[_count++] = status;
    }

    /// <summary>The statuses, in the answer's order, once the answer says <c>return: true</c>; releases the buffer.</summary>
    /// <returns>An array of the exact length.</returns>
    /// <exception cref="ConcordServiceException"><c>return</c> is not <see langword="true"/>.</exception>
    /// <exception cref="FaxProtocolException">An item has no <c>FaxJobId</c>.</exception>
    public FaxJobStatus[] ToStatuses()
    {
        try
        {
            if (Return != true)
            {
                throw new ConcordServiceException(ErrorCode, ErrorText ?? (Return is null ? "the response has no \"return\" value" : "no error text"));
            }

            return _itemWithoutJobId
                ? throw new FaxProtocolException(ConcordStatusParser.ProviderId, $"{ConcordStatusParser.ProviderId}: a FaxStatus item has no FaxJobId.")
                : _buffer.AsSpan(0, _count).ToArray();
        }
        finally
        {
            Release();
        }
    }

    /// <summary>Gives the buffer back to the pool (cleared), keeping nothing.</summary>
    public void Release()
    {
        if (_buffer is not null)
        {
            _buffer.AsSpan(0, _count).Clear();
            ArrayPool<FaxJobStatus>.Shared.Return(_buffer);
            _buffer = null;
        }

        _count = 0;
    }
}
