using System.Linq;

namespace FaxSdk.Generators.Emit
{
    /// <summary>ASCII-only case folding, as the generated parsers do it: only A–Z and a–z fold, by OR-ing 0x20.</summary>
    internal static class AsciiCase
    {
        public static bool IsLetter(int unit) => (unit >= 'a' && unit <= 'z') || (unit >= 'A' && unit <= 'Z');

        public static int Fold(int unit, bool ignoreCase) => ignoreCase && IsLetter(unit) ? unit | 0x20 : unit;

        public static bool IsAscii(string text) => text.All(c => c < 0x80);

        public static bool HasLetter(string text) => text.Any(c => IsLetter(c));
    }
}
