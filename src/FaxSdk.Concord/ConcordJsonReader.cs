using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;
using FaxSdk.Transport;

namespace FaxSdk.Concord;

/// <summary>
/// Reads a Concord JSON answer once, with a <see cref="Utf8JsonReader"/>, straight into statuses. It keeps the rules of
/// the System.Text.Json reader it replaced: member names match without regard to case, a repeated member keeps its last
/// value, unknown members are skipped, a value of the wrong kind (or invalid UTF-8 in a string member, read or not) makes
/// the body unreadable, and of several answers in one body the first of <c>GetFaxStatusResponse</c>,
/// <c>…Ex</c>, <c>…Ex2</c>, <c>…Ex3</c>, <c>GetRealTimeFaxStatusResponse</c> counts. The
/// <see cref="FaxPayloadLimits"/> bounds are counted inline (<see cref="FaxJsonBudget"/>).
/// </summary>
internal static class ConcordJsonReader
{
    private const string ProviderId = ConcordStatusParser.ProviderId;

    // The envelope's members: the list answers in the order one is chosen, then the simple answer.
    private static readonly byte[][] EnvelopeNames =
    [
        "GetFaxStatusResponse"u8.ToArray(), "GetRealTimeFaxStatusExResponse"u8.ToArray(), "GetRealTimeFaxStatusEx2Response"u8.ToArray(),
        "GetRealTimeFaxStatusEx3Response"u8.ToArray(), "GetRealTimeFaxStatusResponse"u8.ToArray(), "SimpleGetFaxStatusResponse"u8.ToArray(),
    ];

    private static readonly byte[][] ListNames = ["return"u8.ToArray(), "FaxStatusList"u8.ToArray(), "WSError"u8.ToArray()];

    private static readonly byte[][] ErrorNames = ["ErrorCode"u8.ToArray(), "ErrorString"u8.ToArray()];

    private static readonly byte[][] ItemNames =
    [
        "FaxJobId"u8.ToArray(), "FaxJobStatusId"u8.ToArray(), "StatusDescription"u8.ToArray(), "Error"u8.ToArray(),
        "RecipientState"u8.ToArray(), "RecipientCurrentPageCount"u8.ToArray(), "RecipientTotalPageCount"u8.ToArray(),
        "FaxDeliveryDateTime"u8.ToArray(), "FaxDeliveryDuration"u8.ToArray(), "RemoteFaxCSID"u8.ToArray(), "ReferenceId"u8.ToArray(),
    ];

    private const int SimpleSlot = 5;

    /// <summary>Reads a JSON body.</summary>
    /// <param name="body">The body.</param>
    /// <returns>The answer (a list answer's buffer is the caller's to release).</returns>
    /// <exception cref="FaxProtocolException">The body is unreadable, over a bound, or not a Concord status answer.</exception>
    public static ConcordAnswer Read(ReadOnlySpan<byte> body)
    {
        var content = FaxJson.ContentOf(body, ProviderId);
        var lists = default(ListSlots);
        try
        {
            var reader = new Utf8JsonReader(content, FaxJson.ReaderOptions);
            var budget = new FaxJsonBudget(ProviderId);
            var simple = ReadEnvelope(ref reader, ref budget, ref lists, out var simpleReturn);
            for (var i = 0; i < ListSlots.Length; i++)
            {
                if (lists[i].Present)
                {
                    var answer = new ConcordAnswer { List = lists[i].Answer };
                    lists[i] = default;
                    return answer;
                }
            }

            return simple
                ? new ConcordAnswer { IsSimple = true, SimpleReturn = simpleReturn }
                : throw new FaxProtocolException(ProviderId, $"{ProviderId}: the JSON is not a Concord status answer: expected an object with \"GetFaxStatusResponse\" (or \"GetRealTimeFaxStatus…Response\", \"SimpleGetFaxStatusResponse\").");
        }
        catch (Exception exception) when (FaxJson.IsReadFailure(exception))
        {
            throw FaxJson.ReadFailure(exception, content, ProviderId);
        }
        finally
        {
            for (var i = 0; i < ListSlots.Length; i++)
            {
                lists[i].Answer.Release();
            }
        }
    }

    /// <returns>Whether a <c>SimpleGetFaxStatusResponse</c> object is present.</returns>
    private static bool ReadEnvelope(ref Utf8JsonReader reader, ref FaxJsonBudget budget, ref ListSlots lists, out long? simpleReturn)
    {
        simpleReturn = null;
        var simple = false;
        reader.Read();
        if (reader.TokenType == JsonTokenType.Null)
        {
            reader.Read();
            throw new FaxProtocolException(ProviderId, $"{ProviderId}: the response JSON is null.");
        }

        StartObject(ref reader, ref budget);
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var slot = Match(ref reader, EnvelopeNames);
            if (slot < 0)
            {
                budget.Skip(ref reader);
                continue;
            }

            reader.Read();
            if (slot == SimpleSlot)
            {
                simple = reader.TokenType != JsonTokenType.Null;
                simpleReturn = simple ? ReadSimple(ref reader, ref budget) : null;
                continue;
            }

            // A repeated answer replaces the earlier one; null removes it.
            ref var list = ref lists[slot];
            list.Answer.Release();
            list = default;
            if (reader.TokenType != JsonTokenType.Null)
            {
                list.Present = true;
                ReadList(ref reader, ref budget, ref list.Answer);
            }
        }

        // Nothing but whitespace may follow (the reader throws on a second value).
        return reader.Read() ? throw new JsonException("The JSON has more than one value.") : simple;
    }

    private static long? ReadSimple(ref Utf8JsonReader reader, ref FaxJsonBudget budget)
    {
        long? value = null;
        StartObject(ref reader, ref budget);
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            if (Match(ref reader, ListNames) == 0)
            {
                reader.Read();
                value = reader.TokenType == JsonTokenType.Null ? null : reader.GetInt64();
            }
            else
            {
                budget.Skip(ref reader);
            }
        }

        return value;
    }

    private static void ReadList(ref Utf8JsonReader reader, ref FaxJsonBudget budget, ref ConcordListAnswer answer)
    {
        StartObject(ref reader, ref budget);
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            switch (Match(ref reader, ListNames))
            {
                case 0:
                    reader.Read();
                    answer.Return = reader.TokenType == JsonTokenType.Null ? null : reader.GetBoolean();
                    break;
                case 1:
                    reader.Read();
                    ReadItems(ref reader, ref budget, ref answer);
                    break;
                case 2:
                    reader.Read();
                    var unused = default(string);
                    ReadError(ref reader, ref budget, out answer.ErrorCode, out answer.ErrorText, ref unused);
                    break;
                default:
                    budget.Skip(ref reader);
                    break;
            }
        }
    }

    private static void ReadItems(ref Utf8JsonReader reader, ref FaxJsonBudget budget, ref ConcordListAnswer answer)
    {
        answer.ClearStatuses();
        if (reader.TokenType == JsonTokenType.Null)
        {
            return;
        }

        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new JsonException("Expected \"FaxStatusList\" to be an array.");
        }

        var count = 0;
        var repeated = default(RepeatedTexts);
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            // Null items count towards the bound and are skipped (their jobs are missing from the answer).
            if (count++ == ConcordStatusParser.MaxStatuses)
            {
                throw ConcordStatusParser.TooManyStatuses();
            }

            if (reader.TokenType != JsonTokenType.Null)
            {
                var item = ReadItem(ref reader, ref budget, ref repeated);
                answer.Add(in item);
            }
        }
    }

    private static ConcordStatusFields ReadItem(ref Utf8JsonReader reader, ref FaxJsonBudget budget, ref RepeatedTexts repeated)
    {
        var item = default(ConcordStatusFields);
        StartObject(ref reader, ref budget);
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var member = Match(ref reader, ItemNames);
            if (member < 0)
            {
                budget.Skip(ref reader);
                continue;
            }

            reader.Read();
            switch (member)
            {
                case 0: item.JobId = reader.GetString(); break;
                case 1: item.StatusId = Int(ref reader); break;
                case 2: item.Description = Text(ref reader, ref repeated.Description); break;
                case 3: ReadError(ref reader, ref budget, out item.ErrorCode, out item.ErrorText, ref repeated.ErrorText); break;
                case 4: item.RecipientState = Int(ref reader); break;
                case 5: item.CurrentPages = Int(ref reader); break;
                case 6: item.TotalPages = Int(ref reader); break;
                case 7:
                    item.HasDeliveryTime = reader.TokenType != JsonTokenType.Null;
                    item.DeliveredAt = Time(ref reader);
                    break;
                case 8: item.Duration = Int(ref reader); break;
                case 9: item.SetRemoteCsid(reader.GetString()); break;
                default: CheckString(ref reader); break; // ReferenceId: not kept
            }
        }

        return item;
    }

    /// <summary>An <c>Error</c> or <c>WSError</c>: <see langword="null"/> is no error; <c>ErrorCode</c>, when present, must be a number.</summary>
    private static void ReadError(ref Utf8JsonReader reader, ref FaxJsonBudget budget, out int code, out string? text, ref string? previousText)
    {
        code = 0;
        text = null;
        if (reader.TokenType == JsonTokenType.Null)
        {
            return;
        }

        StartObject(ref reader, ref budget);
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            switch (Match(ref reader, ErrorNames))
            {
                case 0:
                    reader.Read();
                    code = reader.TokenType == JsonTokenType.Null ? throw new JsonException("ErrorCode cannot be null.") : reader.GetInt32();
                    break;
                case 1:
                    reader.Read();
                    text = Text(ref reader, ref previousText);
                    break;
                default:
                    budget.Skip(ref reader);
                    break;
            }
        }
    }

    private static void StartObject(ref Utf8JsonReader reader, ref FaxJsonBudget budget)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException($"Expected an object, found {reader.TokenType}.");
        }

        budget.CountObject();
    }

    /// <summary>
    /// A string member, or <see langword="null"/>: the previous item's text when the bytes are the same ASCII text
    /// (descriptions and error texts repeat through a batch; strings are immutable, so the statuses share one), otherwise
    /// a new string, remembered for the next item.
    /// </summary>
    private static string? Text(ref Utf8JsonReader reader, ref string? previous)
    {
        if (previous is not null && reader.TokenType == JsonTokenType.String && !reader.ValueIsEscaped && Ascii.Equals(reader.ValueSpan, previous))
        {
            return previous;
        }

        return previous = reader.GetString();
    }

    /// <summary>A whole number or <see langword="null"/>; anything else (text, a fraction, out of range) is unreadable.</summary>
    private static int? Int(ref Utf8JsonReader reader) => reader.TokenType == JsonTokenType.Null ? null : reader.GetInt32();

    /// <summary>A time read from the UTF-8 bytes without making a string (unless escaped); unreadable times are <see langword="null"/>.</summary>
    private static DateTimeOffset? Time(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.String && !reader.ValueIsEscaped)
        {
            return Utf8.IsValid(reader.ValueSpan) ? FaxTimestamps.Parse(reader.ValueSpan) : throw InvalidUtf8();
        }

        return FaxTimestamps.Parse(reader.GetString());
    }

    /// <summary>Checks a string member that is not kept as <see cref="Utf8JsonReader.GetString"/> would (a string or null, valid UTF-8), without making it.</summary>
    private static void CheckString(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.String && !reader.ValueIsEscaped)
        {
            if (!Utf8.IsValid(reader.ValueSpan))
            {
                throw InvalidUtf8();
            }

            return;
        }

        _ = reader.GetString();
    }

    private static InvalidOperationException InvalidUtf8() => new("Cannot transcode invalid UTF-8 JSON text to UTF-16 string.");

    /// <summary>The index in <paramref name="names"/> of the property name the reader is on (compared as
    /// <see cref="FaxJson.PropertyNameIs"/> compares, without regard to case), or -1.</summary>
    private static int Match(ref Utf8JsonReader reader, byte[][] names)
    {
        // The names are ASCII: a raw name with an escape or a non-ASCII byte never matches here, only below.
        var raw = reader.ValueSpan;
        for (var i = 0; i < names.Length; i++)
        {
            // The service writes the names as documented: try the exact bytes before the case-insensitive comparison.
            var name = names[i];
            if (raw.Length == name.Length && (raw.SequenceEqual(name) || Ascii.EqualsIgnoreCase(raw, name)))
            {
                return i;
            }
        }

        if (reader.ValueIsEscaped || !Ascii.IsValid(raw))
        {
            for (var i = 0; i < names.Length; i++)
            {
                if (FaxJson.PropertyNameIs(ref reader, names[i], ignoreCase: true))
                {
                    return i;
                }
            }
        }

        return -1;
    }

    /// <summary>The texts of the previous item, for <see cref="Text"/>.</summary>
    private struct RepeatedTexts
    {
        public string? Description;
        public string? ErrorText;
    }

    /// <summary>One list answer per envelope member name (the last occurrence of each).</summary>
    private struct ListSlot
    {
        public bool Present;
        public ConcordListAnswer Answer;
    }

    [InlineArray(Length)]
    private struct ListSlots
    {
        public const int Length = 5;
        private ListSlot _first;
    }
}
