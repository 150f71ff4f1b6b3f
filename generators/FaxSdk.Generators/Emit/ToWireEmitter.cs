using System.Linq;

namespace FaxSdk.Generators.Emit
{
    /// <summary>ToWire: a member's first wire value.</summary>
    internal static class ToWireEmitter
    {
        public static string Emit(MapShape shape)
        {
            var arms = shape.Distinct.Where(m => m.Wires.Count > 0)
                .Select(m => $"{shape.Member(m)} => {Code.Literal(m.Wires[0].Text)},");
            return $$"""
                /// <summary>The value's first wire value (a code as decimal text); an empty string for a member without one.</summary>
                /// <param name="value">The member.</param>
                /// <returns>The wire value.</returns>
                {{Code.Inline}}
                public static string ToWire(this {{shape.Enum}} value) => value switch
                {
                {{Code.Indent(Code.Lines(arms), 1)}}
                    _ => "",
                };
                """;
        }
    }
}
