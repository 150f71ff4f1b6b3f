using System.Collections.Generic;
using System.Linq;

namespace FaxSdk.Generators.Emit
{
    /// <summary>
    /// The statements of TryParse/TryParseUtf8 that match the text wire values. Case-sensitive UTF-16 is a C#
    /// <c>switch</c> on the span (the compiler dispatches on length and characters); everything else is a switch on
    /// the length, then, where a length has more than two values, a switch on the one (ASCII-folded) code unit that
    /// splits them best, then a comparison per candidate (<see cref="WordComparison"/> when case is ignored).
    /// </summary>
    internal static class TextMatchEmitter
    {
        public static string Emit(MapShape shape, TextEncoding encoding)
        {
            if (shape.TextWires.Count == 0)
            {
                return "";
            }

            return !shape.IgnoreCase && !encoding.IsUtf8 ? SpanSwitch(shape) : LengthSwitch(shape, encoding);
        }

        private static string SpanSwitch(MapShape shape)
        {
            var sections = shape.TextWires.GroupBy(w => w.Member.Name).Select(group => $$"""
                {{Code.Lines(group.Select(w => $"case {Code.Literal(w.Text)}:"))}}
                    result = {{shape.Member(group.First().Member)}};
                    return true;
                """);
            return $$"""
                switch (value)
                {
                {{Code.Indent(Code.Lines(sections), 1)}}
                }
                """;
        }

        private static string LengthSwitch(MapShape shape, TextEncoding encoding)
        {
            var sections = shape.TextWires
                .Select(w => new Candidate(w, encoding.Units(w.Text)))
                .GroupBy(c => c.Units.Length)
                .OrderBy(g => g.Key)
                .Select(group => $$"""
                    case {{Code.Literal(group.Key)}}:
                    {{Code.Indent(SameLength(group.ToList(), shape, encoding), 1)}}
                        break;
                    """);
            return $$"""
                switch (value.Length)
                {
                {{Code.Indent(Code.Lines(sections), 1)}}
                }
                """;
        }

        private static string SameLength(List<Candidate> candidates, MapShape shape, TextEncoding encoding)
        {
            var position = candidates.Count > 2 ? DiscriminatingPosition(candidates, shape.IgnoreCase) : -1;
            if (position < 0)
            {
                return Comparisons(candidates, shape, encoding);
            }

            var readKey = new List<string> { $"int key = value[{Code.Literal(position)}];" };
            if (shape.IgnoreCase && candidates.Any(c => AsciiCase.IsLetter(c.Units[position])))
            {
                readKey.Add("if ((uint)((key | 0x20) - 'a') <= 'z' - 'a') key |= 0x20;");
            }

            var sections = candidates
                .GroupBy(c => AsciiCase.Fold(c.Units[position], shape.IgnoreCase))
                .OrderBy(g => g.Key)
                .Select(group => $$"""
                    case {{Code.UnitLiteral(group.Key)}}:
                    {{Code.Indent(Comparisons(group.ToList(), shape, encoding), 1)}}
                        break;
                    """);
            return $$"""
                {
                {{Code.Indent(Code.Lines(readKey), 1)}}
                    switch (key)
                    {
                {{Code.Indent(Code.Lines(sections), 2)}}
                    }
                }

                """;
        }

        private static string Comparisons(IEnumerable<Candidate> candidates, MapShape shape, TextEncoding encoding) =>
            Code.Lines(candidates.Select(c => $$"""
                if ({{Condition(c, shape.IgnoreCase, encoding)}}) // {{Code.Literal(c.Wire.Text)}}
                {
                    result = {{shape.Member(c.Wire.Member)}};
                    return true;
                }

                """));

        private static string Condition(Candidate candidate, bool ignoreCase, TextEncoding encoding)
        {
            var text = candidate.Wire.Text;
            if (ignoreCase && WordComparison.Applies(text))
            {
                return WordComparison.Condition(candidate.Units, ignoreCase, encoding);
            }

            var literal = Code.Literal(text) + encoding.LiteralSuffix;
            if (!ignoreCase || !AsciiCase.HasLetter(text))
            {
                return $"global::System.MemoryExtensions.SequenceEqual(value, {literal})";
            }

            return AsciiCase.IsAscii(text)
                ? $"global::System.Text.Ascii.EqualsIgnoreCase(value, {literal})"
                : $"EqualsAsciiIgnoreCase(value, {literal})";
        }

        /// <summary>The position whose folded code unit splits the candidates into the most groups (ties: the earliest), or -1.</summary>
        private static int DiscriminatingPosition(List<Candidate> candidates, bool ignoreCase)
        {
            var best = -1;
            var bestGroups = 1;
            for (var p = 0; p < candidates[0].Units.Length; p++)
            {
                var groups = candidates.Select(c => AsciiCase.Fold(c.Units[p], ignoreCase)).Distinct().Count();
                if (groups > bestGroups)
                {
                    best = p;
                    bestGroups = groups;
                }
            }

            return best;
        }

        private sealed record Candidate(TextWire Wire, int[] Units);
    }
}
