using System.Text.Json;

namespace FaxSdk.Pantarey;

/// <summary>The members Pantarey bodies are read for.</summary>
internal enum PantareyMember
{
    Unknown,
    JobId,
    Status,
    ErrorCode,
    Statistics,
    Recipients,
    FaxJob,
    Test,
    Pages,
    RecipientCount,
    RecipientCountSuccessful,
    RecipientCountError,
    FaxNumber,
    ResultCode,
    ResultText,
}

/// <summary>
/// Names a member of the task output, its <c>statistics</c> or a recipient as the serialiser matched them: camelCase,
/// compared ordinally (case matters), escapes decoded. A plain name is told by its length and one letter, then compared once.
/// </summary>
internal static class PantareyMembers
{
    private static readonly byte[][] Names =
    [
        [], "jobId"u8.ToArray(), "status"u8.ToArray(), "errorCode"u8.ToArray(), "statistics"u8.ToArray(),
        "recipients"u8.ToArray(), "faxJob"u8.ToArray(), "test"u8.ToArray(), "pages"u8.ToArray(),
        "recipientCount"u8.ToArray(), "recipientCountSuccessful"u8.ToArray(), "recipientCountError"u8.ToArray(),
        "faxNumber"u8.ToArray(), "resultCode"u8.ToArray(), "resultText"u8.ToArray(),
    ];

    /// <summary>The task output member the reader's property name is, or <see cref="PantareyMember.Unknown"/>.</summary>
    public static PantareyMember OfOutput(ref Utf8JsonReader reader)
    {
        if (reader.ValueIsEscaped)
        {
            return Slow(ref reader, PantareyMember.JobId, PantareyMember.Test);
        }

        var name = reader.ValueSpan;
        return Matches(name, name.Length switch
        {
            4 => PantareyMember.Test,
            5 => PantareyMember.JobId,
            6 => name[0] == 's' ? PantareyMember.Status : PantareyMember.FaxJob,
            9 => PantareyMember.ErrorCode,
            10 => name[1] == 't' ? PantareyMember.Statistics : PantareyMember.Recipients,
            _ => PantareyMember.Unknown,
        });
    }

    /// <summary>The <c>statistics</c> member the reader's property name is, or <see cref="PantareyMember.Unknown"/>.</summary>
    public static PantareyMember OfStatistics(ref Utf8JsonReader reader)
    {
        if (reader.ValueIsEscaped)
        {
            return Slow(ref reader, PantareyMember.Pages, PantareyMember.RecipientCountError);
        }

        var name = reader.ValueSpan;
        return Matches(name, name.Length switch
        {
            5 => PantareyMember.Pages,
            14 => PantareyMember.RecipientCount,
            19 => PantareyMember.RecipientCountError,
            24 => PantareyMember.RecipientCountSuccessful,
            _ => PantareyMember.Unknown,
        });
    }

    /// <summary>The recipient member the reader's property name is, or <see cref="PantareyMember.Unknown"/>.</summary>
    public static PantareyMember OfRecipient(ref Utf8JsonReader reader)
    {
        if (reader.ValueIsEscaped)
        {
            return Slow(ref reader, PantareyMember.FaxNumber, PantareyMember.ResultText);
        }

        var name = reader.ValueSpan;
        return Matches(name, name.Length switch
        {
            9 => PantareyMember.FaxNumber,
            10 => name[6] == 'C' ? PantareyMember.ResultCode : PantareyMember.ResultText,
            _ => PantareyMember.Unknown,
        });
    }

    private static PantareyMember Matches(ReadOnlySpan<byte> name, PantareyMember candidate) =>
        candidate != PantareyMember.Unknown && name.SequenceEqual(Names[(int)candidate]) ? candidate : PantareyMember.Unknown;

    private static PantareyMember Slow(ref Utf8JsonReader reader, PantareyMember from, PantareyMember to)
    {
        if (reader.ValueIsEscaped)
        {
            _ = reader.GetString(); // the serialiser unescapes every name, and fails on a lone surrogate: so does this
        }

        for (var member = from; member <= to; member++)
        {
            if (reader.ValueTextEquals(Names[(int)member]))
            {
                return member;
            }
        }

        return PantareyMember.Unknown;
    }
}
