using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace FaxSdk.Serialization;

/// <summary>Writes a <see cref="TimeSpan"/> as a JSON number of seconds (up to seven decimals, exact to the tick) and reads it back.</summary>
public sealed class SecondsJsonConverter : JsonConverter<TimeSpan?>
{
    /// <summary>Reads a number of seconds.</summary>
    /// <param name="reader">The reader, positioned on a number or <c>null</c>.</param>
    /// <param name="typeToConvert">Ignored.</param>
    /// <param name="options">Ignored.</param>
    /// <returns>The duration, or <see langword="null"/> for a JSON <c>null</c>.</returns>
    /// <exception cref="JsonException">The token is not a number, or the number is out of range.</exception>
    public override TimeSpan? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        if (reader.TokenType != JsonTokenType.Number || !reader.TryGetDecimal(out var seconds))
        {
            throw new JsonException("Expected a number of seconds.");
        }

        var ticks = seconds * TimeSpan.TicksPerSecond;
        if (ticks > long.MaxValue || ticks < long.MinValue)
        {
            throw new JsonException("The number of seconds is out of range.");
        }

        return TimeSpan.FromTicks((long)decimal.Round(ticks));
    }

    /// <summary>Writes the duration as a number of seconds.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="value">The duration, or <see langword="null"/>.</param>
    /// <param name="options">Ignored.</param>
    public override void Write(Utf8JsonWriter writer, TimeSpan? value, JsonSerializerOptions options)
    {
        if (value is not { } duration)
        {
            writer.WriteNullValue();
            return;
        }

        Span<byte> buffer = stackalloc byte[40];
        var seconds = (decimal)duration.Ticks / TimeSpan.TicksPerSecond;
        if (!seconds.TryFormat(buffer, out var written, "0.#######", CultureInfo.InvariantCulture))
        {
            throw new InvalidOperationException("Could not format the duration.");
        }

        writer.WriteRawValue(buffer[..written], skipInputValidation: true);
    }

    /// <summary>Whether <see langword="null"/> is passed to this converter.</summary>
    public override bool HandleNull => true;
}
