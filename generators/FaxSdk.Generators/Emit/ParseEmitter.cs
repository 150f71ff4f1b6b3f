namespace FaxSdk.Generators.Emit
{
    /// <summary>Parse and TryParse (UTF-16), or ParseUtf8 and TryParseUtf8: text wire values first, then codes.</summary>
    internal static class ParseEmitter
    {
        public static string Emit(MapShape shape, TextEncoding encoding)
        {
            var e = shape.Enum;
            var u = shape.Unknown;
            var (parse, tryParse, parameter) = encoding.IsUtf8 ? ("ParseUtf8", "TryParseUtf8", "utf8Value") : ("Parse", "TryParse", "value");
            var span = $"global::System.ReadOnlySpan<{encoding.Unit}>";
            var rules = (shape.IgnoreCase ? " (ASCII letters compared case-insensitively)" : " (case-sensitively)")
                + (shape.HasCodes ? ", or a numeric code written as decimal text" : "");
            var parseSummary = encoding.IsUtf8
                ? "Parses a UTF-8 wire value exactly as <see cref=\"Parse(global::System.ReadOnlySpan{char})\"/> does; never throws or allocates."
                : $"Parses a wire value; never throws. Unrecognised input gives <see cref=\"{u}\"/>.";
            var tryParseSummary = encoding.IsUtf8
                ? $"Parses a UTF-8 wire value exactly as <see cref=\"TryParse(global::System.ReadOnlySpan{{char}}, out {e})\"/> does."
                : $"Parses a wire value{rules}; never throws.";
            var parameterDoc = encoding.IsUtf8 ? "The value as UTF-8 bytes." : "The value as the provider sent it.";

            // Only codes: the body is a code parse and the code switch, worth inlining into Parse.
            var inline = shape.TextWires.Count == 0 ? "\n" + Code.Inline : "";
            var alias = encoding.IsUtf8 && shape.TextWires.Count > 0 ? "var value = utf8Value;\n" : "";
            var body = Code.Blocks(new[]
            {
                alias + TextMatchEmitter.Emit(shape, encoding),
                CodeParseEmitter.Call(shape, parameter),
                $"result = {u};\nreturn false;",
            });
            return $$"""
                /// <summary>{{parseSummary}}</summary>
                /// <param name="{{parameter}}">{{parameterDoc}}</param>
                /// <returns>The matching member, or <see cref="{{u}}"/>.</returns>
                {{Code.Inline}}
                public static {{e}} {{parse}}({{span}} {{parameter}})
                {
                    {{tryParse}}({{parameter}}, out var result);
                    return result;
                }

                /// <summary>{{tryParseSummary}}</summary>
                /// <param name="{{parameter}}">{{parameterDoc}}</param>
                /// <param name="result">The matching member, or <see cref="{{u}}"/> when there is none.</param>
                /// <returns><see langword="true"/> when the value is a known wire value.</returns>{{inline}}
                public static bool {{tryParse}}({{span}} {{parameter}}, out {{e}} result)
                {
                {{Code.Indent(body, 1)}}
                }
                """;
        }
    }
}
