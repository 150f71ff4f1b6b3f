using System.Text.Json;
using System.Text.Json.Serialization;

namespace FaxSdk.StoneFax.Dto;

/// <summary>StoneFax documents <c>recipient</c> as an array but its example sends one object: accept both.</summary>
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
                return JsonSerializer.Deserialize(ref reader, StoneFaxJsonContext.Default.ListStoneFaxRecipient);
            default:
                throw new JsonException("Expected \"recipient\" to be an object or an array.");
        }
    }

    public override void Write(Utf8JsonWriter writer, List<StoneFaxRecipient>? value, JsonSerializerOptions options) =>
        JsonSerializer.Serialize(writer, value, StoneFaxJsonContext.Default.ListStoneFaxRecipient);
}
