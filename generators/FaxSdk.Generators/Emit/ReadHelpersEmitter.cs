using System.Collections.Generic;
using System.Linq;

namespace FaxSdk.Generators.Emit
{
    /// <summary>The private helpers the text comparisons call, each emitted only when a comparison uses it.</summary>
    internal static class ReadHelpersEmitter
    {
        public static string Emit(MapShape shape)
        {
            var wordValues = shape.IgnoreCase ? shape.TextWires.Where(w => WordComparison.Applies(w.Text)).ToList() : new List<TextWire>();
            var charWidths = new HashSet<int>(wordValues.SelectMany(w => WordComparison.CharReadWidths(w.Text.Length)));
            var needsFold = shape.IgnoreCase && shape.TextWires.Any(w => !WordComparison.Applies(w.Text) && !AsciiCase.IsAscii(w.Text) && AsciiCase.HasLetter(w.Text));
            return Code.Blocks(new[]
            {
                charWidths.Contains(4) ? ReadChars4 : "",
                charWidths.Contains(2) ? ReadChars2 : "",
                needsFold ? EqualsAsciiIgnoreCase("char") : "",
                needsFold ? EqualsAsciiIgnoreCase("byte") : "",
            });
        }

        // UTF-16 text read 4 code units at a time, code unit i in bits 16*i and up on either byte order.
        private static readonly string ReadChars4 = $$"""
            {{Code.Inline}}
            private static ulong ReadChars4(global::System.ReadOnlySpan<char> value, int offset)
            {
                var v = global::System.Runtime.InteropServices.MemoryMarshal.Read<ulong>(global::System.Runtime.InteropServices.MemoryMarshal.AsBytes(value.Slice(offset, 4)));
                if (!global::System.BitConverter.IsLittleEndian)
                {
                    v = (v >> 32) | (v << 32);
                    v = ((v >> 16) & 0x0000FFFF0000FFFFUL) | ((v & 0x0000FFFF0000FFFFUL) << 16);
                }

                return v;
            }
            """;

        private static readonly string ReadChars2 = $$"""
            {{Code.Inline}}
            private static uint ReadChars2(global::System.ReadOnlySpan<char> value, int offset)
            {
                var v = global::System.Runtime.InteropServices.MemoryMarshal.Read<uint>(global::System.Runtime.InteropServices.MemoryMarshal.AsBytes(value.Slice(offset, 2)));
                return global::System.BitConverter.IsLittleEndian ? v : (v >> 16) | (v << 16);
            }
            """;

        private static string EqualsAsciiIgnoreCase(string unit) => $$"""
            private static bool EqualsAsciiIgnoreCase(global::System.ReadOnlySpan<{{unit}}> value, global::System.ReadOnlySpan<{{unit}}> wire)
            {
                for (var i = 0; i < wire.Length; i++)
                {
                    {{unit}} a = value[i], b = wire[i];
                    if (a != b && !((uint)((a | 0x20) - 'a') <= 'z' - 'a' && (a | 0x20) == (b | 0x20))) return false;
                }

                return true;
            }
            """;
    }
}
