using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using FaxSdk.Transport;

namespace FaxSdk.Phaxio;

/// <summary>What a Phaxio body said: the envelope members, its <c>data</c> (read and mapped), and the root's own fax members.</summary>
internal struct PhaxioBody
{
    public bool? Success;

    /// <summary>Whether <c>message</c> is there (not <c>null</c>): its text (escaped or not ASCII), or where it is in the body.</summary>
    public bool HasMessage;
    public string? Message;
    public Range MessageRange;
    public bool HasPaging;

    /// <summary>The root object's fax members (a bare fax object, such as a webhook's <c>fax</c> field).</summary>
    public PhaxioFaxFields Root;

    /// <summary>What <c>data</c> is: <see cref="JsonTokenType.None"/> when absent or <c>null</c>, else its first token.</summary>
    public JsonTokenType DataKind;

    /// <summary>A <c>data</c> object has the API v1 <c>faxId</c>.</summary>
    public bool DataHasFaxId;

    /// <summary>A <c>data</c> object as a status, or why it is not one.</summary>
    public FaxJobStatus? DataFax;
    public FaxProtocolException? DataError;

    /// <summary>A <c>data</c> array: its element count, the statuses (rented), and the first element that is not a status.</summary>
    public int ListLength;
    public FaxJobStatus[]? List;
    public FaxProtocolException? ListError;

    public void ReleaseList()
    {
        if (List is not null)
        {
            Array.Clear(List, 0, Math.Min(ListLength, List.Length));
            ArrayPool<FaxJobStatus>.Shared.Return(List);
            List = null;
        }
    }
}

/// <summary>
/// Reads a Phaxio v2.1 body once with a <see cref="Utf8JsonReader"/>: every member FaxSdk knows into
/// <see cref="PhaxioBody"/>/<see cref="PhaxioFaxFields"/>, each fax object mapped when it ends
/// (<see cref="PhaxioMapping"/>), everything else skipped through <see cref="FaxJsonBudget"/>. Values are checked as the
/// old serialiser context checked them (a string where a number belongs fails the body, a <c>null</c> is absent); no
/// decision about the body is taken here, since a member that decides it (such as <c>"success": false</c>) may come last.
/// </summary>
internal static class PhaxioBodyReader
{
    /// <summary>Reads the root object (the reader is on its <see cref="JsonTokenType.StartObject"/>) and checks that nothing follows it.</summary>
    public static void ReadRoot(ref Utf8JsonReader reader, ref FaxJsonBudget budget, ref PhaxioBody body)
    {
        budget.CountObject();
        while (Next(ref reader) != JsonTokenType.EndObject)
        {
            var member = PhaxioMembers.Of(ref reader);
            Next(ref reader);
            switch (member)
            {
                case PhaxioMember.Success:
                    body.Success = ReadBool(ref reader, "success");
                    break;
                case PhaxioMember.Message:
                    ReadMessage(ref reader, ref body);
                    break;
                case PhaxioMember.Paging:
                    body.HasPaging = true;
                    budget.Skip(ref reader);
                    break;
                case PhaxioMember.Data:
                    ReadData(ref reader, ref budget, ref body);
                    break;
                default:
                    ReadFaxMember(ref reader, ref budget, member, ref body.Root);
                    break;
            }
        }

        if (reader.Read())
        {
            throw new JsonException("The body goes on after its JSON object.");
        }
    }

    /// <summary>
    /// The envelope's <c>message</c> is needed only when <c>success</c> is false, which may come later: a plain ASCII text
    /// (nothing to check) is only located, anything else is read, and so checked, at once.
    /// </summary>
    private static void ReadMessage(ref Utf8JsonReader reader, ref PhaxioBody body)
    {
        if (reader.TokenType == JsonTokenType.String && !reader.ValueIsEscaped && Ascii.IsValid(reader.ValueSpan))
        {
            var start = checked((int)reader.TokenStartIndex + 1); // after the opening quote
            (body.HasMessage, body.Message, body.MessageRange) = (true, null, start..(start + reader.ValueSpan.Length));
            return;
        }

        body.Message = ReadString(ref reader, "message");
        body.HasMessage = body.Message is not null;
    }

    private static void ReadData(ref Utf8JsonReader reader, ref FaxJsonBudget budget, ref PhaxioBody body)
    {
        // A repeated "data" replaces the earlier one.
        body.ReleaseList();
        body.DataKind = reader.TokenType == JsonTokenType.Null ? JsonTokenType.None : reader.TokenType;
        (body.DataHasFaxId, body.DataFax, body.DataError, body.ListLength, body.ListError) = (false, null, null, 0, null);
        if (reader.TokenType == JsonTokenType.StartObject)
        {
            var fax = ReadFax(ref reader, ref budget, "data.");
            body.DataHasFaxId = fax.HasFaxId;
            body.DataFax = PhaxioMapping.ToStatus(ref fax, -1, out body.DataError);
        }
        else if (reader.TokenType == JsonTokenType.StartArray)
        {
            ReadList(ref reader, ref budget, ref body);
        }
    }

    /// <summary>A list response's <c>data</c>: each fax mapped as it ends; the first element that is not one is remembered, in order.</summary>
    private static void ReadList(ref Utf8JsonReader reader, ref FaxJsonBudget budget, ref PhaxioBody body)
    {
        var count = 0;
        while (Next(ref reader) != JsonTokenType.EndArray)
        {
            var index = body.ListLength;
            budget.CountElement(ref body.ListLength, "\"data\"");
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                budget.Skip(ref reader);
                body.ListError ??= PhaxioStatusParser.Protocol($"data[{index}] is not a fax object (it is null or a plain value).");
                continue;
            }

            var fields = ReadFax(ref reader, ref budget, null, index);
            var status = PhaxioMapping.ToStatus(ref fields, index, out var error);
            body.ListError ??= error;
            if (body.ListError is not null)
            {
                continue; // the body fails; the rest is still read, for the errors the serialiser would have raised
            }

            if (body.List is null || count == body.List.Length)
            {
                var larger = ArrayPool<FaxJobStatus>.Shared.Rent(Math.Max(4, count * 2));
                body.List?.AsSpan(0, count).CopyTo(larger);
                body.ReleaseList();
                body.List = larger;
            }

            body.List[count++] = status!;
        }
    }

    /// <summary>A fax object (the reader is on its start): <c>data</c> (<paramref name="path"/>) or <c>data[<paramref name="index"/>]</c>.</summary>
    private static PhaxioFaxFields ReadFax(ref Utf8JsonReader reader, ref FaxJsonBudget budget, string? path, int index = -1)
    {
        budget.CountObject();
        var fax = default(PhaxioFaxFields);
        try
        {
            while (Next(ref reader) != JsonTokenType.EndObject)
            {
                var member = PhaxioMembers.Of(ref reader);
                Next(ref reader);
                ReadFaxMember(ref reader, ref budget, member, ref fax);
            }
        }
        catch (JsonException exception) when (exception.Path is not null)
        {
            fax.Recipients.Release();
            throw Within(exception, path ?? string.Create(CultureInfo.InvariantCulture, $"data[{index}]."));
        }

        return fax;
    }

    /// <summary>One member of a fax object; the reader is on its value. Members a fax object does not have are skipped.</summary>
    private static void ReadFaxMember(ref Utf8JsonReader reader, ref FaxJsonBudget budget, PhaxioMember member, ref PhaxioFaxFields fax)
    {
        switch (member)
        {
            case PhaxioMember.Id:
                fax.Id = ReadId(ref reader);
                break;
            case PhaxioMember.Direction:
                fax.HasDirection = ReadIsReceived(ref reader, out fax.IsReceived);
                break;
            case PhaxioMember.NumPages:
                fax.NumPages = ReadInt32(ref reader, "num_pages");
                break;
            case PhaxioMember.Status:
                fax.Status = ReadWire<FaxStatusWire, PhaxioFaxStatus>(ref reader, "status", out fax.StatusValue);
                break;
            case PhaxioMember.IsTest:
                fax.IsTest = ReadBool(ref reader, "is_test");
                break;
            case PhaxioMember.CreatedAt:
                fax.CreatedAt = ReadTime(ref reader, ref budget);
                break;
            case PhaxioMember.CompletedAt:
                fax.CompletedAt = ReadTime(ref reader, ref budget);
                break;
            case PhaxioMember.Recipients:
                ReadRecipients(ref reader, ref budget, ref fax.Recipients);
                break;
            case PhaxioMember.ErrorType or PhaxioMember.ErrorId or PhaxioMember.ErrorMessage:
                ReadErrorMember(ref reader, member, ref fax.Error);
                break;
            case PhaxioMember.RequestedAt or PhaxioMember.ErrorCode:
                fax.HasV1Member = true;
                budget.Skip(ref reader);
                break;
            case PhaxioMember.FaxId:
                fax.HasFaxId = true;
                budget.Skip(ref reader);
                break;
            default:
                budget.Skip(ref reader);
                break;
        }
    }

    private static void ReadRecipients(ref Utf8JsonReader reader, ref FaxJsonBudget budget, ref PhaxioRecipientList list)
    {
        list.Reset(present: reader.TokenType != JsonTokenType.Null);
        if (!list.IsPresent)
        {
            return;
        }

        Expect(ref reader, JsonTokenType.StartArray, "recipients");
        var elements = 0;
        while (Next(ref reader) != JsonTokenType.EndArray)
        {
            var index = elements;
            budget.CountElement(ref elements, "\"recipients\"");
            if (reader.TokenType == JsonTokenType.Null)
            {
                // Kept as an error with its index, not skipped: the mapping reports it.
                list.FirstNull = list.FirstNull < 0 ? index : list.FirstNull;
                continue;
            }

            if (reader.TokenType != JsonTokenType.StartObject)
            {
                throw Mismatch(ref reader, string.Create(CultureInfo.InvariantCulture, $"recipients[{index}]"));
            }

            PhaxioRecipientFields recipient;
            try
            {
                recipient = ReadRecipient(ref reader, ref budget, ref list.HasV1Number);
            }
            catch (JsonException exception) when (exception.Path is not null)
            {
                throw Within(exception, string.Create(CultureInfo.InvariantCulture, $"recipients[{index}]."));
            }

            if (list.FirstNull < 0)
            {
                list.Add(PhaxioMapping.ToRecipient(ref recipient));
            }
        }
    }

    private static PhaxioRecipientFields ReadRecipient(ref Utf8JsonReader reader, ref FaxJsonBudget budget, ref bool hasV1Number)
    {
        budget.CountObject();
        var recipient = default(PhaxioRecipientFields);
        while (Next(ref reader) != JsonTokenType.EndObject)
        {
            var member = PhaxioMembers.Of(ref reader);
            Next(ref reader);
            switch (member)
            {
                case PhaxioMember.PhoneNumber:
                    recipient.PhoneNumber = ReadString(ref reader, "phone_number");
                    break;
                case PhaxioMember.Status:
                    recipient.Status = ReadWire<RecipientStatusWire, PhaxioRecipientStatus>(ref reader, "status", out recipient.StatusValue);
                    break;
                case PhaxioMember.RetryCount:
                    recipient.RetryCount = ReadInt32(ref reader, "retry_count");
                    break;
                case PhaxioMember.CompletedAt:
                    recipient.CompletedAt = ReadTime(ref reader, ref budget);
                    break;
                case PhaxioMember.ErrorType or PhaxioMember.ErrorId or PhaxioMember.ErrorMessage:
                    ReadErrorMember(ref reader, member, ref recipient.Error);
                    break;
                case PhaxioMember.Number:
                    hasV1Number = true;
                    budget.Skip(ref reader);
                    break;
                default:
                    budget.Skip(ref reader);
                    break;
            }
        }

        return recipient;
    }

    private static void ReadErrorMember(ref Utf8JsonReader reader, PhaxioMember member, ref PhaxioErrorFields error)
    {
        switch (member)
        {
            case PhaxioMember.ErrorType:
                error.Type = ReadWire<ErrorTypeWire, PhaxioErrorType>(ref reader, "error_type", out error.TypeValue);
                break;
            case PhaxioMember.ErrorId:
                error.Id = ReadInt32(ref reader, "error_id");
                break;
            default:
                error.Message = ReadString(ref reader, "error_message");
                break;
        }
    }

    /// <summary>
    /// A wire value (a string or <c>null</c>) and its member. When the bytes are exactly the generated spelling
    /// (<c>ToWire</c>) of the member they parse to, that constant string is returned instead of a new one.
    /// </summary>
    private static string? ReadWire<TMap, T>(ref Utf8JsonReader reader, string name, out T value)
        where TMap : struct, IWireMap<T>
    {
        value = default!;
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        Expect(ref reader, JsonTokenType.String, name);
        if (!reader.ValueIsEscaped)
        {
            value = TMap.ParseUtf8(reader.ValueSpan);
            var wire = TMap.ToWire(value);
            return wire.Length > 0 && Ascii.Equals(reader.ValueSpan, wire) ? wire : reader.GetString()!;
        }

        var text = reader.GetString()!;
        value = TMap.Parse(text);
        return text;
    }

    /// <summary>The fax id, which Phaxio sends as a number (other sources as a string).</summary>
    private static string? ReadId(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.String => reader.GetString(),
        JsonTokenType.Number when reader.TryGetInt64(out var number) => number.ToString(CultureInfo.InvariantCulture),
        JsonTokenType.Null => null,
        _ => throw new JsonException("Expected the fax id as a number or a string.", "$.id", null, null),
    };

    /// <summary>Whether <c>direction</c> is there (not <c>null</c>); <paramref name="received"/> when it is <c>received</c> in any case.</summary>
    private static bool ReadIsReceived(ref Utf8JsonReader reader, out bool received)
    {
        received = false;
        if (reader.TokenType == JsonTokenType.Null)
        {
            return false;
        }

        Expect(ref reader, JsonTokenType.String, "direction");
        received = !reader.ValueIsEscaped && Ascii.IsValid(reader.ValueSpan)
            ? Ascii.EqualsIgnoreCase(reader.ValueSpan, "received"u8)
            : string.Equals(reader.GetString(), "received", StringComparison.OrdinalIgnoreCase);
        return true;
    }

    private static string? ReadString(ref Utf8JsonReader reader, string name)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        Expect(ref reader, JsonTokenType.String, name);
        return reader.GetString();
    }

    private static int? ReadInt32(ref Utf8JsonReader reader, string name)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        Expect(ref reader, JsonTokenType.Number, name);
        return reader.TryGetInt32(out var value) ? value : throw new JsonException("The number is not a 32-bit integer.", "$." + name, null, null);
    }

    private static bool? ReadBool(ref Utf8JsonReader reader, string name) => reader.TokenType switch
    {
        JsonTokenType.True => true,
        JsonTokenType.False => false,
        JsonTokenType.Null => null,
        _ => throw Mismatch(ref reader, name),
    };

    /// <summary>A time, read leniently (<see cref="FaxLenientDateTimeOffsetConverter.ReadLenient"/>); an object or array is skipped within the budget.</summary>
    private static DateTimeOffset? ReadTime(ref Utf8JsonReader reader, ref FaxJsonBudget budget)
    {
        if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
        {
            budget.Skip(ref reader);
            return null;
        }

        return FaxLenientDateTimeOffsetConverter.ReadLenient(ref reader);
    }

    private static void Expect(ref Utf8JsonReader reader, JsonTokenType token, string name)
    {
        if (reader.TokenType != token)
        {
            throw Mismatch(ref reader, name);
        }
    }

    /// <summary>A value of the wrong kind; the member is named as the serialiser's path named it (<c>$.name</c>).</summary>
    private static JsonException Mismatch(ref Utf8JsonReader reader, string name) =>
        new($"The JSON value for '{name}' is {FaxPayloadLimits.Describe(reader.TokenType)}, which FaxSdk cannot read there.", "$." + name, null, null);

    /// <summary>The exception for a value of the wrong kind inside an object, with the object's place in front of its
    /// path (<c>$.name</c> becomes <c>$.{prefix}name</c>).</summary>
    private static JsonException Within(JsonException exception, string prefix) =>
        new(exception.Message, "$." + prefix + exception.Path!["$.".Length..], exception.LineNumber, exception.BytePositionInLine, exception);

    private static JsonTokenType Next(ref Utf8JsonReader reader) =>
        reader.Read() ? reader.TokenType : throw new JsonException("The JSON ends before its last object is complete (incomplete).");

    /// <summary>A generated map's parse and spelling, for <see cref="ReadWire{TMap, T}"/> (a struct, so each map gets its own code).</summary>
    private interface IWireMap<T>
    {
        static abstract T ParseUtf8(ReadOnlySpan<byte> utf8);

        static abstract T Parse(string text);

        static abstract string ToWire(T value);
    }

    private readonly struct FaxStatusWire : IWireMap<PhaxioFaxStatus>
    {
        public static PhaxioFaxStatus ParseUtf8(ReadOnlySpan<byte> utf8) => PhaxioFaxStatusMap.ParseUtf8(utf8);

        public static PhaxioFaxStatus Parse(string text) => PhaxioFaxStatusMap.Parse(text);

        public static string ToWire(PhaxioFaxStatus value) => value.ToWire();
    }

    private readonly struct RecipientStatusWire : IWireMap<PhaxioRecipientStatus>
    {
        public static PhaxioRecipientStatus ParseUtf8(ReadOnlySpan<byte> utf8) => PhaxioRecipientStatusMap.ParseUtf8(utf8);

        public static PhaxioRecipientStatus Parse(string text) => PhaxioRecipientStatusMap.Parse(text);

        public static string ToWire(PhaxioRecipientStatus value) => value.ToWire();
    }

    private readonly struct ErrorTypeWire : IWireMap<PhaxioErrorType>
    {
        public static PhaxioErrorType ParseUtf8(ReadOnlySpan<byte> utf8) => PhaxioErrorTypeMap.ParseUtf8(utf8);

        public static PhaxioErrorType Parse(string text) => PhaxioErrorTypeMap.Parse(text);

        public static string ToWire(PhaxioErrorType value) => value.ToWire();
    }
}
