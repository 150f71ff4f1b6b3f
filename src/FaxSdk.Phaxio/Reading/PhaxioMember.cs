using System.Text.Json;

namespace FaxSdk.Phaxio;

/// <summary>The member names FaxSdk reads in Phaxio v2.1 bodies (envelope, fax object, recipient), and API v1 markers.</summary>
internal enum PhaxioMember
{
    Unknown,
    Success,
    Message,
    Data,
    Paging,
    Id,
    Direction,
    NumPages,
    Status,
    IsTest,
    CreatedAt,
    CompletedAt,
    Recipients,
    ErrorType,
    ErrorId,
    ErrorMessage,
    PhoneNumber,
    RetryCount,

    /// <summary>API v1 only: a fax's creation time.</summary>
    RequestedAt,

    /// <summary>API v1 only: a fax's error text.</summary>
    ErrorCode,

    /// <summary>API v1 only: the id in a send answer.</summary>
    FaxId,

    /// <summary>API v1 only: a recipient's number.</summary>
    Number,
}

/// <summary>Which <see cref="PhaxioMember"/> a property name is.</summary>
internal static class PhaxioMembers
{
    private const int LongestName = 13; // "error_message"

    /// <summary>
    /// The member the reader's property name names, matched as the old serialiser context matched it: ordinally, case
    /// sensitive, escapes decoded (<c>"st\u0061tus"</c> is <c>status</c>). No allocation.
    /// </summary>
    /// <param name="reader">The reader, on a <see cref="JsonTokenType.PropertyName"/>.</param>
    /// <returns>The member, or <see cref="PhaxioMember.Unknown"/>.</returns>
    public static PhaxioMember Of(ref readonly Utf8JsonReader reader)
    {
        if (!reader.ValueIsEscaped)
        {
            return Of(reader.ValueSpan);
        }

        // An escaped name is at least as long as written as decoded: a long one cannot be any of ours.
        Span<byte> name = stackalloc byte[LongestName * 6];
        return reader.ValueSpan.Length <= name.Length ? Of(name[..reader.CopyString(name)]) : PhaxioMember.Unknown;
    }

    private static PhaxioMember Of(ReadOnlySpan<byte> name)
    {
        if (name.Length is < 2 or > LongestName)
        {
            return PhaxioMember.Unknown;
        }

        // The one member a name can be, told by its length and first byte (error_type and error_code by their seventh),
        // then compared in full.
        var member = ((name.Length << 8) | name[0]) switch
        {
            (2 << 8) | 'i' => PhaxioMember.Id,
            (4 << 8) | 'd' => PhaxioMember.Data,
            (5 << 8) | 'f' => PhaxioMember.FaxId,
            (6 << 8) | 's' => PhaxioMember.Status,
            (6 << 8) | 'p' => PhaxioMember.Paging,
            (6 << 8) | 'n' => PhaxioMember.Number,
            (7 << 8) | 's' => PhaxioMember.Success,
            (7 << 8) | 'm' => PhaxioMember.Message,
            (7 << 8) | 'i' => PhaxioMember.IsTest,
            (8 << 8) | 'e' => PhaxioMember.ErrorId,
            (9 << 8) | 'd' => PhaxioMember.Direction,
            (9 << 8) | 'n' => PhaxioMember.NumPages,
            (10 << 8) | 'r' => PhaxioMember.Recipients,
            (10 << 8) | 'c' => PhaxioMember.CreatedAt,
            (10 << 8) | 'e' => name[6] == 't' ? PhaxioMember.ErrorType : PhaxioMember.ErrorCode,
            (11 << 8) | 'r' => PhaxioMember.RetryCount,
            (12 << 8) | 'c' => PhaxioMember.CompletedAt,
            (12 << 8) | 'p' => PhaxioMember.PhoneNumber,
            (12 << 8) | 'r' => PhaxioMember.RequestedAt,
            (13 << 8) | 'e' => PhaxioMember.ErrorMessage,
            _ => PhaxioMember.Unknown,
        };
        return member != PhaxioMember.Unknown && name.SequenceEqual(Spelling(member)) ? member : PhaxioMember.Unknown;
    }

    private static ReadOnlySpan<byte> Spelling(PhaxioMember member) => member switch
    {
        PhaxioMember.Id => "id"u8,
        PhaxioMember.Data => "data"u8,
        PhaxioMember.FaxId => "faxId"u8,
        PhaxioMember.Status => "status"u8,
        PhaxioMember.Paging => "paging"u8,
        PhaxioMember.Number => "number"u8,
        PhaxioMember.Success => "success"u8,
        PhaxioMember.Message => "message"u8,
        PhaxioMember.IsTest => "is_test"u8,
        PhaxioMember.ErrorId => "error_id"u8,
        PhaxioMember.Direction => "direction"u8,
        PhaxioMember.NumPages => "num_pages"u8,
        PhaxioMember.Recipients => "recipients"u8,
        PhaxioMember.CreatedAt => "created_at"u8,
        PhaxioMember.ErrorType => "error_type"u8,
        PhaxioMember.ErrorCode => "error_code"u8,
        PhaxioMember.RetryCount => "retry_count"u8,
        PhaxioMember.CompletedAt => "completed_at"u8,
        PhaxioMember.PhoneNumber => "phone_number"u8,
        PhaxioMember.RequestedAt => "requested_at"u8,
        PhaxioMember.ErrorMessage => "error_message"u8,
        _ => [],
    };
}
