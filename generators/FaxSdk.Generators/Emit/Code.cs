using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis.CSharp;

namespace FaxSdk.Generators.Emit
{
    /// <summary>Small helpers the emitters share: literals and indentation.</summary>
    internal static class Code
    {
        /// <summary>The attribute on every generated member small enough to inline.</summary>
        public const string Inline =
            "[global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]";

        /// <summary>A C# string literal for <paramref name="text"/>.</summary>
        public static string Literal(string text) => SymbolDisplay.FormatLiteral(text, quote: true);

        /// <summary>A C# literal for an int.</summary>
        public static string Literal(int value) => value.ToString(CultureInfo.InvariantCulture);

        /// <summary>A code unit as a C# literal: a character literal for printable ASCII, a number otherwise.</summary>
        public static string UnitLiteral(int unit) =>
            unit >= 0x20 && unit < 0x7F ? SymbolDisplay.FormatLiteral((char)unit, quote: true) : Literal(unit);

        /// <summary>Indents every non-empty line of <paramref name="text"/> by <paramref name="levels"/> levels of four spaces.</summary>
        public static string Indent(string text, int levels)
        {
            var prefix = new string(' ', 4 * levels);
            return string.Join("\n", text.Split('\n').Select(line => line.Length == 0 ? line : prefix + line));
        }

        /// <summary>Joins blocks of code with a blank line between them.</summary>
        public static string Blocks(IEnumerable<string> blocks) => string.Join("\n\n", blocks.Where(b => b.Length > 0));

        /// <summary>Joins lines of code.</summary>
        public static string Lines(IEnumerable<string> lines) => string.Join("\n", lines);
    }
}
