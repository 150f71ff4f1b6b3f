using System.Linq;
using System.Text;

namespace FaxSdk.Generators.Emit
{
    /// <summary>The two input encodings a parser is emitted for: UTF-16 text (<c>char</c>) and UTF-8 bytes.</summary>
    internal sealed class TextEncoding
    {
        public static readonly TextEncoding Utf16 = new(utf8: false);

        public static readonly TextEncoding Utf8 = new(utf8: true);

        private TextEncoding(bool utf8) => IsUtf8 = utf8;

        public bool IsUtf8 { get; }

        /// <summary>The code unit type.</summary>
        public string Unit => IsUtf8 ? "byte" : "char";

        /// <summary>Bits per code unit.</summary>
        public int UnitBits => IsUtf8 ? 8 : 16;

        /// <summary>The suffix of a string literal of this encoding (<c>u8</c> for UTF-8).</summary>
        public string LiteralSuffix => IsUtf8 ? "u8" : "";

        /// <summary>The code units of <paramref name="text"/>.</summary>
        public int[] Units(string text) =>
            IsUtf8 ? Encoding.UTF8.GetBytes(text).Select(b => (int)b).ToArray() : text.Select(c => (int)c).ToArray();
    }
}
