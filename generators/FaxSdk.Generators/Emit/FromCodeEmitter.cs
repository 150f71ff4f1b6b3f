using System.Linq;

namespace FaxSdk.Generators.Emit
{
    /// <summary>FromCode and TryFromCode: a numeric code to its member (only for enums with codes).</summary>
    internal static class FromCodeEmitter
    {
        public static string Emit(MapShape shape)
        {
            if (!shape.HasCodes)
            {
                return "";
            }

            var u = shape.Unknown;
            var sections = shape.Codes.GroupBy(c => c.Member.Name).Select(group => $$"""
                {{Code.Lines(group.Select(c => $"case {Code.Literal(c.Code)}:"))}}
                    result = {{shape.Member(group.First().Member)}};
                    return true;
                """);
            return $$"""
                /// <summary>Maps a numeric wire code; never throws. An unknown code gives <see cref="{{u}}"/>.</summary>
                /// <param name="code">The code.</param>
                /// <returns>The matching member, or <see cref="{{u}}"/>.</returns>
                {{Code.Inline}}
                public static {{shape.Enum}} FromCode(int code)
                {
                    TryFromCode(code, out var result);
                    return result;
                }

                /// <summary>Maps a numeric wire code.</summary>
                /// <param name="code">The code.</param>
                /// <param name="result">The matching member, or <see cref="{{u}}"/> when there is none.</param>
                /// <returns><see langword="true"/> when the code is known.</returns>
                {{Code.Inline}}
                public static bool TryFromCode(int code, out {{shape.Enum}} result)
                {
                    switch (code)
                    {
                {{Code.Indent(Code.Lines(sections), 2)}}
                        default:
                            result = {{u}};
                            return false;
                    }
                }
                """;
        }
    }
}
