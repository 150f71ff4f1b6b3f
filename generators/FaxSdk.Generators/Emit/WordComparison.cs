using System.Collections.Generic;
using System.Globalization;

namespace FaxSdk.Generators.Emit
{
    /// <summary>
    /// The condition that the input (of the wire value's length, already checked) equals a wire value, compared a
    /// machine word at a time: 8-byte reads, the last one overlapping the one before. When case is ignored each read is
    /// OR-ed with 0x20 in the code units that are ASCII letters, then compared with the lower-cased wire value: for a
    /// lower-case letter c, (x | 0x20) == c holds exactly for x == c and x == c - 0x20, so this folds ASCII letters only
    /// and every other code unit must match exactly. The benchmarks (docs/benchmarks.md, section 1) show it pays for
    /// case-insensitive values; values longer than <see cref="MaxLength"/> code units use a span comparison.
    /// </summary>
    internal static class WordComparison
    {
        public const int MaxLength = 32;

        public static bool Applies(string text) => text.Length <= MaxLength;

        public static string Condition(int[] units, bool ignoreCase, TextEncoding encoding)
        {
            var parts = new List<string>();
            foreach (var (offset, width) in Reads(units.Length, encoding))
            {
                ulong constant = 0, mask = 0;
                for (var k = 0; k < width; k++)
                {
                    var unit = units[offset + k];
                    constant |= (ulong)AsciiCase.Fold(unit, ignoreCase) << (k * encoding.UnitBits);
                    if (ignoreCase && AsciiCase.IsLetter(unit))
                    {
                        mask |= 0x20UL << (k * encoding.UnitBits);
                    }
                }

                var bytes = width * encoding.UnitBits / 8;
                var read = Read(encoding, bytes, Code.Literal(offset));
                parts.Add(mask == 0 ? $"{read} == {Hex(constant, bytes)}" : $"({read} | {Hex(mask, bytes)}) == {Hex(constant, bytes)}");
            }

            return parts.Count == 0 ? "true" : string.Join(" && ", parts);
        }

        /// <summary>The read widths (in UTF-16 code units) this value's comparison uses, to emit only the helpers it needs.</summary>
        public static IEnumerable<int> CharReadWidths(int length)
        {
            foreach (var (_, width) in Reads(length, TextEncoding.Utf16))
            {
                yield return width;
            }
        }

        /// <summary>
        /// The reads (offset and width, in code units) that cover <paramref name="length"/> code units: 8-byte reads, the
        /// last one overlapping the one before; a shorter value is covered by two overlapping reads of the widest size that
        /// fits (or one when it fits exactly).
        /// </summary>
        private static List<(int Offset, int Width)> Reads(int length, TextEncoding encoding)
        {
            var reads = new List<(int Offset, int Width)>();
            var width = encoding.IsUtf8 ? 8 : 4;
            if (length >= width)
            {
                for (var offset = 0; offset + width <= length; offset += width)
                {
                    reads.Add((offset, width));
                }

                if (length % width != 0)
                {
                    reads.Add((length - width, width));
                }

                return reads;
            }

            while (width > length)
            {
                width /= 2;
            }

            if (width > 0)
            {
                reads.Add((0, width));
                if (length > width)
                {
                    reads.Add((length - width, width));
                }
            }

            return reads;
        }

        private static string Read(TextEncoding encoding, int bytes, string at) => (bytes, encoding.IsUtf8) switch
        {
            (8, true) => $"global::System.Buffers.Binary.BinaryPrimitives.ReadUInt64LittleEndian(value.Slice({at}))",
            (4, true) => $"global::System.Buffers.Binary.BinaryPrimitives.ReadUInt32LittleEndian(value.Slice({at}))",
            (2, true) => $"global::System.Buffers.Binary.BinaryPrimitives.ReadUInt16LittleEndian(value.Slice({at}))",
            (8, false) => $"ReadChars4(value, {at})",
            (4, false) => $"ReadChars2(value, {at})",
            _ => $"value[{at}]",
        };

        private static string Hex(ulong value, int bytes)
        {
            var suffix = bytes switch { 8 => "UL", 4 => "U", _ => "" };
            return "0x" + value.ToString("X" + (bytes * 2).ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture) + suffix;
        }
    }
}
