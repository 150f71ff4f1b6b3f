using System.Text.Json;
using System.Text.Json.Serialization;

namespace FaxSdk.Pantarey.Dto;

/// <summary>Marks that a property was there, whatever its value (which is skipped): used to recognise payload shapes.</summary>
internal sealed class PresentConverter : JsonConverter<bool>
{
    public override bool HandleNull => true;

    public override bool Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        reader.Skip();
        return true;
    }

    public override void Write(Utf8JsonWriter writer, bool value, JsonSerializerOptions options) => writer.WriteBooleanValue(value);
}
