using System;
using System.Linq;
using System.Text;

namespace FaxSdk.Generators.Emit
{
    /// <summary>The nested JsonConverter: reads through ParseUtf8 (and FromCode for numbers), writes the first wire value.</summary>
    internal static class JsonConverterEmitter
    {
        public static string Emit(MapShape shape)
        {
            var e = shape.Enum;
            var u = shape.Unknown;
            var maxUtf8 = shape.Model.Members.SelectMany(m => m.Wires).Select(w => Encoding.UTF8.GetByteCount(w.Text)).DefaultIfEmpty(0).Max();
            var maxRaw = Math.Max(1, maxUtf8) * 6; // the longest wire value with every character escaped as \uXXXX
            var readNumber = shape.HasCodes
                ? $"return reader.TryGetInt32(out var code) ? FromCode(code) : {u};"
                : $"return reader.HasValueSequence ? {u} : ParseUtf8(reader.ValueSpan);";
            var unknownWithoutWire = shape.Model.Members.Any(m => m.IsUnknown && m.Wires.Count == 0);
            var writeSummary = "Writes the member's first wire value"
                + (shape.HasCodes ? " (a code as a JSON number)" : "")
                + (unknownWithoutWire ? "; a member without one as JSON null" : "") + ".";
            var writes = shape.Distinct.Where(m => m.Wires.Count > 0).Select(m => $$"""
                case {{shape.Member(m)}}:
                    {{(m.Wires[0].Code is { } code ? $"writer.WriteNumberValue({Code.Literal(code)});" : $"writer.WriteStringValue({Code.Literal(m.Wires[0].Text)}u8);")}}
                    break;
                """);
            return $$"""
                /// <summary>Reads and writes <see cref="{{e}}"/> as its wire value; unknown, null or unexpected JSON reads as <see cref="{{u}}"/>. Reading does not allocate.</summary>
                public sealed class JsonConverter : global::System.Text.Json.Serialization.JsonConverter<{{e}}>
                {
                    private const int MaxRawLength = {{Code.Literal(maxRaw)}};

                    /// <summary>Always <see langword="true"/>: JSON <c>null</c> reads as <see cref="{{u}}"/>.</summary>
                    public override bool HandleNull => true;

                    /// <summary>Reads a wire value{{(shape.HasCodes ? " (a string or a number)" : "")}}.</summary>
                    /// <param name="reader">The reader.</param>
                    /// <param name="typeToConvert">Ignored.</param>
                    /// <param name="options">Ignored.</param>
                    /// <returns>The member.</returns>
                    public override {{e}} Read(ref global::System.Text.Json.Utf8JsonReader reader, global::System.Type typeToConvert, global::System.Text.Json.JsonSerializerOptions options)
                    {
                        switch (reader.TokenType)
                        {
                            case global::System.Text.Json.JsonTokenType.String:
                                if (!reader.HasValueSequence && !reader.ValueIsEscaped)
                                {
                                    return ParseUtf8(reader.ValueSpan);
                                }

                                if ((reader.HasValueSequence ? reader.ValueSequence.Length : reader.ValueSpan.Length) > MaxRawLength)
                                {
                                    return {{u}};
                                }

                                global::System.Span<byte> buffer = stackalloc byte[MaxRawLength];
                                try
                                {
                                    return ParseUtf8(buffer.Slice(0, reader.CopyString(buffer)));
                                }
                                catch (global::System.InvalidOperationException)
                                {
                                    return {{u}}; // the escaped text is not valid UTF-16
                                }

                            case global::System.Text.Json.JsonTokenType.Number:
                                {{readNumber}}
                            case global::System.Text.Json.JsonTokenType.Null:
                                return {{u}};
                            default:
                                reader.Skip();
                                return {{u}};
                        }
                    }

                    /// <summary>{{writeSummary}}</summary>
                    /// <param name="writer">The writer.</param>
                    /// <param name="value">The member.</param>
                    /// <param name="options">Ignored.</param>
                    public override void Write(global::System.Text.Json.Utf8JsonWriter writer, {{e}} value, global::System.Text.Json.JsonSerializerOptions options)
                    {
                        switch (value)
                        {
                {{Code.Indent(Code.Lines(writes), 3)}}
                            default:
                                writer.WriteNullValue();
                                break;
                        }
                    }
                }
                """;
        }
    }
}
