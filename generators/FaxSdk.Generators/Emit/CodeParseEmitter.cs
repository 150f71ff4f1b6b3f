namespace FaxSdk.Generators.Emit
{
    /// <summary>
    /// Codes written as decimal text. Same results as <c>int.TryParse(text, NumberStyles.AllowLeadingSign,
    /// CultureInfo.InvariantCulture, out code)</c> (optional sign, leading zeros, trailing NULs), without culture data:
    /// the inlined fast path takes 1 to 9 plain digits, which cannot overflow, and rejects at once any text that does not
    /// start with a digit or sign; everything else goes to the general loop.
    /// </summary>
    internal static class CodeParseEmitter
    {
        /// <summary>The statement in TryParse/TryParseUtf8 that maps a code.</summary>
        public static string Call(MapShape shape, string parameter) => !shape.HasCodes ? "" : $$"""
            if (TryParseCode({{parameter}}, out var code))
            {
                return TryFromCode(code, out result);
            }
            """;

        /// <summary>The private parsing helpers, for UTF-16 and UTF-8.</summary>
        public static string Helpers(MapShape shape) =>
            !shape.HasCodes ? "" : Code.Blocks(new[] { Helpers(TextEncoding.Utf16), Helpers(TextEncoding.Utf8) });

        private static string Helpers(TextEncoding encoding) => $$"""
            {{Code.Inline}}
            private static bool TryParseCode(global::System.ReadOnlySpan<{{encoding.Unit}}> text, out int code)
            {
                if ((uint)(text.Length - 1) < 9u)
                {
                    var value = 0;
                    for (var i = 0; i < text.Length; i++)
                    {
                        var digit = (uint)(text[i] - '0');
                        if (digit > 9)
                        {
                            if (text[i] == 0 || text[i] == '+' || text[i] == '-')
                            {
                                return TryParseCodeSlow(text, out code);
                            }

                            code = 0;
                            return false; // besides digits, only a leading sign or trailing NULs can be part of a code
                        }

                        value = (value * 10) + (int)digit;
                    }

                    code = value;
                    return true;
                }

                if (text.Length != 0 && ((uint)(text[0] - '0') <= 9 || text[0] == '+' || text[0] == '-'))
                {
                    return TryParseCodeSlow(text, out code);
                }

                code = 0;
                return false;
            }

            private static bool TryParseCodeSlow(global::System.ReadOnlySpan<{{encoding.Unit}}> text, out int code)
            {
                code = 0;
                var i = 0;
                var negative = false;
                if (text.Length > 0 && (text[0] == '-' || text[0] == '+'))
                {
                    negative = text[0] == '-';
                    i = 1;
                }

                var start = i;
                long value = 0;
                for (; i < text.Length; i++)
                {
                    var digit = (uint)(text[i] - '0');
                    if (digit > 9) break;
                    value = (value * 10) + digit;
                    if (value > 2147483648L) return false;
                }

                if (i == start) return false;
                for (; i < text.Length; i++)
                {
                    if (text[i] != 0) return false;
                }

                if (negative) value = -value;
                if (value > int.MaxValue) return false;
                code = (int)value;
                return true;
            }
            """;
    }
}
