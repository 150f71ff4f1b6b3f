using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace FaxSdk.Providers.Tests.Phaxio.Oracle;

/// <summary>Reads an id that Phaxio sends as a number (and other sources as a string) into a string.</summary>
internal sealed class NumberOrStringConverter : JsonConverter<string?>
{
    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
    {
        JsonTokenType.String => reader.GetString(),
        JsonTokenType.Number when reader.TryGetInt64(out var number) => number.ToString(CultureInfo.InvariantCulture),
        JsonTokenType.Null => null,
        _ => throw new JsonException("Expected the fax id as a number or a string."),
    };

    public override void Write(Utf8JsonWriter writer, string? value, JsonSerializerOptions options) => writer.WriteStringValue(value);
}
