using System.Text.Json;
using System.Text.Json.Serialization;

namespace FaxSdk.Transport;

/// <summary>
/// Reads a provider's time stamp leniently: an ISO 8601 / RFC 3339 string becomes a <see cref="DateTimeOffset"/>, and
/// anything that cannot be one (out of range once its offset is applied, such as <c>0001-01-01T00:00:00+14:00</c>,
/// malformed, over 64 characters, or not a string at all) is left <see langword="null"/> instead of failing the whole
/// status. A time without an offset is taken as UTC. For provider DTO contexts.
/// </summary>
public sealed class FaxLenientDateTimeOffsetConverter : JsonConverter<DateTimeOffset?>
{
    private const int MaxLength = 64;

    /// <inheritdoc />
    public override bool HandleNull => true;

    /// <summary>Reads a time, or <see langword="null"/> when it is missing or unreadable.</summary>
    /// <param name="reader">The reader, on the value.</param>
    /// <param name="typeToConvert">Ignored.</param>
    /// <param name="options">Ignored.</param>
    /// <returns>The time, or <see langword="null"/>.</returns>
    public override DateTimeOffset? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => ReadLenient(ref reader);

    /// <summary>
    /// Reads the time the reader is on with this converter's rule, for parsers that read with a
    /// <see cref="Utf8JsonReader"/> directly: an object or array is skipped and gives <see langword="null"/>, as does any
    /// value that is not a string of at most 64 bytes (as written, escapes included) holding a readable time (<see cref="FaxTimestamps"/>). Never
    /// throws for the value; allocates nothing for ISO 8601 times.
    /// </summary>
    /// <param name="reader">The reader, on the value.</param>
    /// <returns>The time, or <see langword="null"/>.</returns>
    public static DateTimeOffset? ReadLenient(ref Utf8JsonReader reader)
    {
        if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
        {
            reader.Skip();
            return null;
        }

        if (reader.TokenType != JsonTokenType.String || reader.ValueSpan.Length > MaxLength)
        {
            return null;
        }

        if (!reader.ValueIsEscaped)
        {
            return FaxTimestamps.Parse(reader.ValueSpan);
        }

        return ReadEscaped(ref reader);
    }

    // Apart, so that the common unescaped path does not pay for clearing the stack buffer.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static DateTimeOffset? ReadEscaped(ref Utf8JsonReader reader)
    {
        Span<char> text = stackalloc char[MaxLength];
        int length;
        try
        {
            length = reader.CopyString(text); // at most 64 bytes as written, so at most 64 characters
        }
        catch (InvalidOperationException)
        {
            return null; // invalid UTF-8 or a lone surrogate: not a time
        }

        return FaxTimestamps.Parse(text[..length].ToString()); // one rule for provider times: FaxTimestamps
    }

    /// <summary>Writes the time in round-trip format, or <c>null</c>.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="value">The time.</param>
    /// <param name="options">Ignored.</param>
    public override void Write(Utf8JsonWriter writer, DateTimeOffset? value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (value is { } time)
        {
            writer.WriteStringValue(time);
        }
        else
        {
            writer.WriteNullValue();
        }
    }
}
