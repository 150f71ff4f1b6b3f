using System.Text;
using System.Text.Json;
using FaxSdk.Transport;

namespace FaxSdk.StoneFax;

/// <summary>The members StoneFax bodies are read for.</summary>
internal enum StoneFaxMember
{
    Unknown,
    FaxId,
    Status,
    DetailedStatus,
    FailureReason,
    NumberOfPages,
    Q931Code,
    SubmitTime,
    Date,
    StartTime,
    EndTime,
    Username,
    Subject,
    Recipient,
    Fax,
    FaxList,
    Name,
    FaxNumber,
}

/// <summary>
/// Names a member of a StoneFax fax or recipient object as the serialiser matched them: camelCase names compared
/// case-insensitively (<c>PropertyNameCaseInsensitive</c>), <c>Q931Code</c> as written. A plain ASCII name is told by
/// its length and first letter, then compared once; an escaped or non-ASCII name goes through
/// <see cref="FaxJson.PropertyNameIs"/>, which folds case exactly as the serialiser does.
/// </summary>
internal static class StoneFaxMembers
{
    private static readonly byte[][] Names =
    [
        [], "faxId"u8.ToArray(), "status"u8.ToArray(), "detailedStatus"u8.ToArray(), "failureReason"u8.ToArray(),
        "numberOfPages"u8.ToArray(), "Q931Code"u8.ToArray(), "submitTime"u8.ToArray(), "date"u8.ToArray(),
        "startTime"u8.ToArray(), "endTime"u8.ToArray(), "username"u8.ToArray(), "subject"u8.ToArray(),
        "recipient"u8.ToArray(), "fax"u8.ToArray(), "faxList"u8.ToArray(), "name"u8.ToArray(), "faxNumber"u8.ToArray(),
    ];

    /// <summary>The fax member the reader's property name is, or <see cref="StoneFaxMember.Unknown"/>.</summary>
    public static StoneFaxMember OfFax(ref Utf8JsonReader reader)
    {
        var name = reader.ValueSpan;
        var first = name.IsEmpty ? 0 : name[0] | 0x20;
        var candidate = name.Length switch
        {
            3 => StoneFaxMember.Fax,
            4 => StoneFaxMember.Date,
            5 => StoneFaxMember.FaxId,
            6 => StoneFaxMember.Status,
            7 => first == 's' ? StoneFaxMember.Subject : first == 'e' ? StoneFaxMember.EndTime : StoneFaxMember.FaxList,
            8 => first == 'u' ? StoneFaxMember.Username : StoneFaxMember.Q931Code,
            9 => first == 'r' ? StoneFaxMember.Recipient : StoneFaxMember.StartTime,
            10 => StoneFaxMember.SubmitTime,
            13 => first == 'f' ? StoneFaxMember.FailureReason : StoneFaxMember.NumberOfPages,
            14 => StoneFaxMember.DetailedStatus,
            _ => StoneFaxMember.Unknown,
        };
        return Resolve(ref reader, candidate, StoneFaxMember.FaxId, StoneFaxMember.FaxList);
    }

    /// <summary>The recipient member the reader's property name is, or <see cref="StoneFaxMember.Unknown"/>.</summary>
    public static StoneFaxMember OfRecipient(ref Utf8JsonReader reader)
    {
        var candidate = reader.ValueSpan.Length switch
        {
            4 => StoneFaxMember.Name,
            9 => StoneFaxMember.FaxNumber,
            _ => StoneFaxMember.Unknown,
        };
        return Resolve(ref reader, candidate, StoneFaxMember.Name, StoneFaxMember.FaxNumber);
    }

    /// <summary>
    /// The candidate if the plain name is it, ignoring ASCII case; otherwise, for an escaped or non-ASCII name, the slow
    /// comparison (which folds case as the serialiser does, such as a dotless i to I).
    /// </summary>
    private static StoneFaxMember Resolve(ref Utf8JsonReader reader, StoneFaxMember candidate, StoneFaxMember from, StoneFaxMember to)
    {
        if (reader.ValueIsEscaped)
        {
            return Slow(ref reader, from, to);
        }

        var name = reader.ValueSpan;
        if (candidate != StoneFaxMember.Unknown && EqualsIgnoringAsciiCase(name, Names[(int)candidate]))
        {
            return candidate;
        }

        return Ascii.IsValid(name) ? StoneFaxMember.Unknown : Slow(ref reader, from, to);
    }

    /// <summary>
    /// Equal but for the case of ASCII letters. The names are ASCII letters and digits, and a JSON name holds no raw
    /// control character, so setting bit 0x20 on both sides folds exactly the letters; a non-ASCII byte matches nothing.
    /// </summary>
    private static bool EqualsIgnoringAsciiCase(ReadOnlySpan<byte> text, ReadOnlySpan<byte> name)
    {
        if (text.Length != name.Length)
        {
            return false;
        }

        for (var i = 0; i < name.Length; i++)
        {
            if ((text[i] | 0x20) != (name[i] | 0x20))
            {
                return false;
            }
        }

        return true;
    }

    private static StoneFaxMember Slow(ref Utf8JsonReader reader, StoneFaxMember from, StoneFaxMember to)
    {
        if (reader.ValueIsEscaped)
        {
            _ = reader.GetString(); // the serialiser unescapes every name, and fails on a lone surrogate: so does this
        }

        for (var member = from; member <= to; member++)
        {
            if (FaxJson.PropertyNameIs(ref reader, Names[(int)member], ignoreCase: true))
            {
                return member;
            }
        }

        return StoneFaxMember.Unknown;
    }
}
