using System.Text.Json;
using System.Text.Json.Serialization;

namespace FaxSdk.Providers.Tests.StoneFax.Oracle;

/// <summary>Reads <c>faxList</c> item by item: <see langword="null"/> items are skipped, more than <see cref="StoneFaxOracleParser.MaxFaxes"/> are refused while reading.</summary>
internal sealed class StoneFaxListConverter : JsonConverter<List<StoneFaxFax>?>
{
    public override List<StoneFaxFax>? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new JsonException("Expected \"faxList\" to be an array.");
        }

        var list = new List<StoneFaxFax>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType == JsonTokenType.Null)
            {
                continue;
            }

            if (list.Count == StoneFaxOracleParser.MaxFaxes)
            {
                throw new StoneFaxTooManyRecipientsException();
            }

            list.Add(JsonSerializer.Deserialize(ref reader, StoneFaxJsonContext.Default.StoneFaxFax)!);
        }

        return list;
    }

    public override void Write(Utf8JsonWriter writer, List<StoneFaxFax>? value, JsonSerializerOptions options) =>
        throw new NotSupportedException();
}
