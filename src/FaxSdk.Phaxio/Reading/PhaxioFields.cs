using System.Buffers;

namespace FaxSdk.Phaxio;

/// <summary>
/// What one fax object said, member by member, as <see cref="PhaxioBodyReader"/> reads it. A member that comes again
/// replaces the earlier value (as System.Text.Json does); presence markers stay set.
/// </summary>
internal struct PhaxioFaxFields
{
    public string? Id;
    public bool HasDirection;
    public bool IsReceived;
    public int? NumPages;
    public string? Status;
    public PhaxioFaxStatus StatusValue;
    public bool? IsTest;
    public DateTimeOffset? CreatedAt;
    public DateTimeOffset? CompletedAt;
    public PhaxioErrorFields Error;
    public PhaxioRecipientList Recipients;

    /// <summary>An API v1 member: <c>requested_at</c> or <c>error_code</c>.</summary>
    public bool HasV1Member;

    /// <summary>The API v1 <c>faxId</c>.</summary>
    public bool HasFaxId;
}

/// <summary>What one recipient object said.</summary>
internal struct PhaxioRecipientFields
{
    public string? PhoneNumber;
    public string? Status;
    public PhaxioRecipientStatus StatusValue;
    public int? RetryCount;
    public DateTimeOffset? CompletedAt;
    public PhaxioErrorFields Error;
}

/// <summary><c>error_type</c>, <c>error_id</c> and <c>error_message</c> of a fax or a recipient.</summary>
internal struct PhaxioErrorFields
{
    public string? Type;
    public PhaxioErrorType TypeValue;
    public int? Id;
    public string? Message;
}

/// <summary>
/// A fax's <c>recipients</c> as read: the statuses in a buffer rented from <see cref="ArrayPool{T}.Shared"/> (copied once
/// to an exact array, then returned), whether the member was there (not absent or <c>null</c>), the first <c>null</c>
/// element, and whether any recipient had the API v1 <c>number</c>.
/// </summary>
internal struct PhaxioRecipientList
{
    private FaxRecipientStatus[]? _buffer;

    private int _firstNullPlusOne; // 0 (the default) for none

    public bool IsPresent;
    public int Count;

    /// <summary>The index of the first <c>null</c> element, or -1.</summary>
    public int FirstNull
    {
        readonly get => _firstNullPlusOne - 1;
        set => _firstNullPlusOne = value + 1;
    }

    public bool HasV1Number;

    /// <summary>Starts a new list (a repeated <c>recipients</c> member replaces the earlier one).</summary>
    /// <param name="present">Whether the member is an array (not <c>null</c>).</param>
    public void Reset(bool present)
    {
        Release();
        IsPresent = present;
        FirstNull = -1;
        HasV1Number = false;
    }

    public void Add(FaxRecipientStatus recipient)
    {
        if (_buffer is null || Count == _buffer.Length)
        {
            var larger = ArrayPool<FaxRecipientStatus>.Shared.Rent(Math.Max(8, Count * 2));
            _buffer?.AsSpan(0, Count).CopyTo(larger);
            ReturnBuffer();
            _buffer = larger;
        }

        _buffer[Count++] = recipient;
    }

    /// <summary>The statuses read so far.</summary>
    public readonly Span<FaxRecipientStatus> Items => _buffer.AsSpan(0, Count);

    /// <summary>Returns the buffer to the pool, cleared (nothing of the body is kept alive there).</summary>
    public void Release()
    {
        ReturnBuffer();
        _buffer = null;
        Count = 0;
    }

    private readonly void ReturnBuffer()
    {
        if (_buffer is not null)
        {
            Array.Clear(_buffer, 0, Count);
            ArrayPool<FaxRecipientStatus>.Shared.Return(_buffer);
        }
    }
}
