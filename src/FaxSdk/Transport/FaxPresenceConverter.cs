using System.Text.Json;
using System.Text.Json.Serialization;

namespace FaxSdk.Transport;

/// <summary>
/// Reads <see langword="true"/> when a JSON property is there, whatever its value (which is skipped, <c>null</c>
/// included): provider DTOs use it to recognise a payload's shape (is this a status, or a send answer?) without
/// reading what they do not need.
/// </summary>
public sealed class FaxPresenceConverter : JsonConverter<bool>
{
    /// <summary>Also called for a <c>null</c> value, so that a property present as <c>null</c> counts as present.</summary>
    public override bool HandleNull => true;

    /// <summary>Skips the value.</summary>
    /// <param name="reader">The reader, on the property's value.</param>
    /// <param name="typeToConvert">Always <see cref="bool"/>.</param>
    /// <param name="options">Unused.</param>
    /// <returns><see langword="true"/>.</returns>
    public override bool Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        reader.Skip();
        return true;
    }

    /// <summary>Writes the flag as a JSON boolean.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="value">The flag.</param>
    /// <param name="options">Unused.</param>
    public override void Write(Utf8JsonWriter writer, bool value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteBooleanValue(value);
    }
}
