using System.Runtime.InteropServices;

namespace FaxSdk;

/// <summary>
/// A compact binary form of a <see cref="FaxJobStatus"/> (every member, recipients and errors included), for the
/// client's memory of final statuses: the bytes live in one pointer-free buffer, so remembered statuses are neither
/// promoted object by object nor traced by the GC. <see cref="Read"/> gives back a status equal to the one written.
/// Texts are kept as UTF-16 code units, so every string (a lone surrogate too) comes back exactly.
/// </summary>
internal static class FaxStatusCodec
{
    /// <summary>Writes <paramref name="status"/>.</summary>
    public static void Write(BinaryWriter writer, FaxJobStatus status)
    {
        WriteString(writer, status.Provider);
        WriteString(writer, status.JobId);
        writer.Write((int)status.State);
        WriteText(writer, status.ProviderStatus);
        WriteText(writer, status.Detail);
        WriteNumber(writer, status.Pages);
        writer.Write(status.IsTest);
        WriteTime(writer, status.SubmittedAt);
        WriteTime(writer, status.StartedAt);
        WriteTime(writer, status.CompletedAt);
        WriteError(writer, status.Error);
        writer.Write(status.Recipients.Count);
        foreach (var recipient in status.Recipients)
        {
            WriteString(writer, recipient.FaxNumber);
            WriteText(writer, recipient.Name);
            writer.Write((int)recipient.State);
            WriteText(writer, recipient.ProviderStatus);
            WriteNumber(writer, recipient.Attempts);
            WriteTime(writer, recipient.CompletedAt);
            writer.Write(recipient.CallDuration.HasValue);
            if (recipient.CallDuration is { } d)
            {
                writer.Write(d.Ticks);
            }

            WriteText(writer, recipient.RemoteCsid);
            WriteError(writer, recipient.Error);
        }
    }

    /// <summary>Reads a status written by <see cref="Write"/>.</summary>
    public static FaxJobStatus Read(BinaryReader reader)
    {
        var status = new FaxJobStatus
        {
            Provider = ReadString(reader),
            JobId = ReadString(reader),
            State = (FaxJobState)reader.ReadInt32(),
            ProviderStatus = ReadText(reader),
            Detail = ReadText(reader),
            Pages = ReadNumber(reader),
            IsTest = reader.ReadBoolean(),
            SubmittedAt = ReadTime(reader),
            StartedAt = ReadTime(reader),
            CompletedAt = ReadTime(reader),
            Error = ReadError(reader),
        };
        var recipients = new FaxRecipientStatus[reader.ReadInt32()];
        for (var i = 0; i < recipients.Length; i++)
        {
            recipients[i] = new FaxRecipientStatus
            {
                FaxNumber = ReadString(reader),
                Name = ReadText(reader),
                State = (FaxRecipientState)reader.ReadInt32(),
                ProviderStatus = ReadText(reader),
                Attempts = ReadNumber(reader),
                CompletedAt = ReadTime(reader),
                CallDuration = reader.ReadBoolean() ? TimeSpan.FromTicks(reader.ReadInt64()) : null,
                RemoteCsid = ReadText(reader),
                Error = ReadError(reader),
            };
        }

        return status with { Recipients = recipients };
    }

    private static void WriteString(BinaryWriter writer, string text)
    {
        writer.Write(text.Length);
        writer.Write(MemoryMarshal.AsBytes(text.AsSpan()));
    }

    private static string ReadString(BinaryReader reader) =>
        string.Create(reader.ReadInt32(), reader, static (chars, r) => r.BaseStream.ReadExactly(MemoryMarshal.AsBytes(chars)));

    private static void WriteText(BinaryWriter writer, string? text)
    {
        writer.Write(text is not null);
        if (text is not null)
        {
            WriteString(writer, text);
        }
    }

    private static string? ReadText(BinaryReader reader) => reader.ReadBoolean() ? ReadString(reader) : null;

    private static void WriteNumber(BinaryWriter writer, int? number)
    {
        writer.Write(number.HasValue);
        if (number is { } value)
        {
            writer.Write(value);
        }
    }

    private static int? ReadNumber(BinaryReader reader) => reader.ReadBoolean() ? reader.ReadInt32() : null;

    private static void WriteTime(BinaryWriter writer, DateTimeOffset? time)
    {
        writer.Write(time.HasValue);
        if (time is { } value)
        {
            writer.Write(value.Ticks);
            writer.Write((short)value.TotalOffsetMinutes);
        }
    }

    private static DateTimeOffset? ReadTime(BinaryReader reader) =>
        reader.ReadBoolean() ? new DateTimeOffset(reader.ReadInt64(), TimeSpan.FromMinutes(reader.ReadInt16())) : null;

    private static void WriteError(BinaryWriter writer, FaxError? error)
    {
        writer.Write(error is not null);
        if (error is not null)
        {
            writer.Write((int)error.Category);
            WriteText(writer, error.Code);
            WriteText(writer, error.Message);
        }
    }

    private static FaxError? ReadError(BinaryReader reader) =>
        reader.ReadBoolean() ? new FaxError((FaxFailureCategory)reader.ReadInt32(), ReadText(reader), ReadText(reader)) : null;
}
