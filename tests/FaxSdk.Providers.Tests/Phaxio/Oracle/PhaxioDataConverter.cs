using System.Text.Json;
using System.Text.Json.Serialization;

namespace FaxSdk.Providers.Tests.Phaxio.Oracle;

/// <summary>Reads <c>data</c> as a fax object or an array of them; any other value is kept as its kind, for the parser to name.</summary>
internal sealed class PhaxioDataConverter : JsonConverter<PhaxioData>
{
    public override PhaxioData Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                return new PhaxioData { Kind = JsonTokenType.StartObject, Fax = JsonSerializer.Deserialize(ref reader, PhaxioJsonContext.Default.PhaxioFax) };
            case JsonTokenType.StartArray:
                var faxes = new List<PhaxioFax?>();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    if (reader.TokenType == JsonTokenType.StartObject)
                    {
                        faxes.Add(JsonSerializer.Deserialize(ref reader, PhaxioJsonContext.Default.PhaxioFax));
                    }
                    else
                    {
                        // null or a scalar where a fax belongs: reported by the parser with its index.
                        reader.Skip();
                        faxes.Add(null);
                    }
                }

                return new PhaxioData { Kind = JsonTokenType.StartArray, Faxes = faxes };
            default:
                var kind = reader.TokenType;
                reader.Skip();
                return new PhaxioData { Kind = kind };
        }
    }

    public override void Write(Utf8JsonWriter writer, PhaxioData value, JsonSerializerOptions options) =>
        throw new NotSupportedException("Phaxio payloads are only read.");
}
