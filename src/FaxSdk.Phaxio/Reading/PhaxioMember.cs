using System.Runtime.CompilerServices;
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
    public static PhaxioMember Of(ref readonly Utf8JsonReader reader) =>
        reader.ValueIsEscaped ? OfEscaped(in reader) : Of(reader.ValueSpan);

    /// <summary>An escaped name, decoded on the stack (out of line, so the common path has no stack buffer to clear).</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static PhaxioMember OfEscaped(ref readonly Utf8JsonReader reader)
    {
        // A name is at least as long written with escapes as decoded: a longer one cannot be any of ours.
        Span<byte> name = stackalloc byte[LongestName * 6];
        if (reader.ValueSpan.Length <= name.Length)
        {
            return Of(name[..reader.CopyString(name)]);
        }

        // Too long to be ours, but decoded all the same, as the serialiser decodes every escaped name: a lone
        // surrogate (\ud800) makes the body unreadable (InvalidOperationException, a read failure).
        _ = reader.GetString();
        return PhaxioMember.Unknown;
    }

    // By length, then each name of that length: comparisons with constant UTF-8 literals, which the JIT unrolls.
    private static PhaxioMember Of(ReadOnlySpan<byte> name) => name.Length switch
    {
        2 when name.SequenceEqual("id"u8) => PhaxioMember.Id,
        4 when name.SequenceEqual("data"u8) => PhaxioMember.Data,
        5 when name.SequenceEqual("faxId"u8) => PhaxioMember.FaxId,
        6 => name.SequenceEqual("status"u8) ? PhaxioMember.Status
            : name.SequenceEqual("paging"u8) ? PhaxioMember.Paging
            : name.SequenceEqual("number"u8) ? PhaxioMember.Number
            : PhaxioMember.Unknown,
        7 => name.SequenceEqual("success"u8) ? PhaxioMember.Success
            : name.SequenceEqual("message"u8) ? PhaxioMember.Message
            : name.SequenceEqual("is_test"u8) ? PhaxioMember.IsTest
            : PhaxioMember.Unknown,
        8 when name.SequenceEqual("error_id"u8) => PhaxioMember.ErrorId,
        9 => name.SequenceEqual("direction"u8) ? PhaxioMember.Direction
            : name.SequenceEqual("num_pages"u8) ? PhaxioMember.NumPages
            : PhaxioMember.Unknown,
        10 => name.SequenceEqual("recipients"u8) ? PhaxioMember.Recipients
            : name.SequenceEqual("created_at"u8) ? PhaxioMember.CreatedAt
            : name.SequenceEqual("error_type"u8) ? PhaxioMember.ErrorType
            : name.SequenceEqual("error_code"u8) ? PhaxioMember.ErrorCode
            : PhaxioMember.Unknown,
        11 when name.SequenceEqual("retry_count"u8) => PhaxioMember.RetryCount,
        12 => name.SequenceEqual("completed_at"u8) ? PhaxioMember.CompletedAt
            : name.SequenceEqual("phone_number"u8) ? PhaxioMember.PhoneNumber
            : name.SequenceEqual("requested_at"u8) ? PhaxioMember.RequestedAt
            : PhaxioMember.Unknown,
        13 when name.SequenceEqual("error_message"u8) => PhaxioMember.ErrorMessage,
        _ => PhaxioMember.Unknown,
    };
}
