using System.Linq;

namespace FaxSdk.Generators.Emit
{
    /// <summary>Entries: every wire value, in declaration order, with its member and canonical value.</summary>
    internal static class EntriesEmitter
    {
        public static string Emit(MapShape shape)
        {
            var entry = $"global::FaxSdk.Mapping.WireMapEntry<{shape.Enum}, {shape.Target}>";
            var rows = shape.Model.Members.SelectMany(m => m.Wires.Select((wire, i) =>
                $"new({Code.Literal(wire.Text)}, {(wire.Code is { } code ? Code.Literal(code) : "null")}, {shape.Member(m)}, {shape.Canonical(m)}, {(i == 0 ? "true" : "false")}),"));
            return $$"""
                /// <summary>Every wire value, in declaration order, with the member it parses to and that member's canonical value.</summary>
                public static global::System.Collections.Immutable.ImmutableArray<{{entry}}> Entries { get; } =
                    global::System.Collections.Immutable.ImmutableArray.Create(new {{entry}}[]
                    {
                {{Code.Indent(Code.Lines(rows), 2)}}
                    });
                """;
        }
    }
}
