using System.Text.Json;
using System.Text.Json.Serialization;

namespace FaxSdk.Providers.Tests.StoneFax.Oracle;

/// <summary>
/// StoneFax documents <c>recipient</c> as an array but its example sends one object: accept both. <see langword="null"/>
/// items are skipped, and more than <see cref="StoneFaxOracleParser.MaxRecipients"/> items are refused while reading
/// (before they are held in memory).
/// </summary>
internal sealed class OneOrManyRecipientsConverter : JsonConverter<List<StoneFaxRecipient>?>
{
    public override List<StoneFaxRecipient>? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                return null;
            case JsonTokenType.StartObject:
                return [JsonSerializer.Deserialize(ref reader, StoneFaxJsonContext.Default.StoneFaxRecipient)!];
            case JsonTokenType.StartArray:
                var list = new List<StoneFaxRecipient>();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    if (reader.TokenType == JsonTokenType.Null)
                    {
                        continue;
                    }

                    if (list.Count == StoneFaxOracleParser.MaxRecipients)
                    {
                        throw new StoneFaxTooManyRecipientsException();
                    }

                    list.Add(JsonSerializer.Deserialize(ref reader, StoneFaxJsonContext.Default.StoneFaxRecipient)!);
                }

                return list;
            default:
                throw new JsonException("Expected \"recipient\" to be an object or an array.");
        }
    }

    public override void Write(Utf8JsonWriter writer, List<StoneFaxRecipient>? value, JsonSerializerOptions options) =>
        JsonSerializer.Serialize(writer, value, StoneFaxJsonContext.Default.ListStoneFaxRecipient);
}

/// <summary>Thrown inside the JSON reader when <c>recipient</c> or <c>faxList</c> is over its bound; turned into a <see cref="FaxProtocolException"/>.</summary>
internal sealed class StoneFaxTooManyRecipientsException : JsonException
{
    public StoneFaxTooManyRecipientsException()
        : base("too many items")
    {
    }
}
