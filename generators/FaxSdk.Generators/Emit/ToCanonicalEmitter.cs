using System.Linq;

namespace FaxSdk.Generators.Emit
{
    /// <summary>ToCanonical: a member's canonical value.</summary>
    internal static class ToCanonicalEmitter
    {
        public static string Emit(MapShape shape)
        {
            var arms = shape.Distinct.Where(m => m.CanonicalMember is not null)
                .Select(m => $"{shape.Member(m)} => {shape.Canonical(m)},");
            return $$"""
                /// <summary>The canonical {{shape.TargetName}} the value maps to; undefined values map to Unknown.</summary>
                /// <param name="value">The member.</param>
                /// <returns>The canonical value.</returns>
                {{Code.Inline}}
                public static {{shape.Target}} ToCanonical(this {{shape.Enum}} value) => value switch
                {
                {{Code.Indent(Code.Lines(arms), 1)}}
                    _ => {{shape.Target}}.Unknown,
                };
                """;
        }
    }
}
