using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace FaxSdk.Providers.Tests.Pantarey.Oracle;

/// <summary>
/// Reads <c>errorCode</c>, whose JSON type Pantarey does not document, as text: a string as it is (text that is not
/// valid UTF-8 or UTF-16, such as a lone surrogate, is kept as its raw JSON with U+FFFD replacements rather than failing),
/// a number or boolean as its JSON text, an object or array as its raw JSON (at most 256 characters).
/// </summary>
internal sealed class PantareyCodeConverter : JsonConverter<string?>
{
    private const int MaxRawLength = 256;

    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                return null;
            case JsonTokenType.String:
                try
                {
                    return reader.GetString();
                }
                catch (InvalidOperationException)
                {
                    return Encoding.UTF8.GetString(reader.ValueSpan);
                }

            case JsonTokenType.StartObject or JsonTokenType.StartArray:
                using (var document = JsonDocument.ParseValue(ref reader))
                {
                    var text = document.RootElement.GetRawText();
                    return text.Length > MaxRawLength ? text[..MaxRawLength] + "…" : text;
                }

            default:
                return Encoding.UTF8.GetString(reader.ValueSpan); // number, true, false: their JSON text
        }
    }

    public override void Write(Utf8JsonWriter writer, string? value, JsonSerializerOptions options) => writer.WriteStringValue(value);
}
