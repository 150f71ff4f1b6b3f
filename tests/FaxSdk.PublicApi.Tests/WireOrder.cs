using System.Collections;
using System.Globalization;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace FaxSdk.PublicApi.Tests;

/// <summary>
/// The <c>[Wire]</c> values of each enum member as the source declares them, in order, and the check that the
/// generated map agrees: the first value is the one <c>ToWire()</c> writes, and <c>Entries</c> lists them in that order.
/// </summary>
internal static class WireOrder
{
    /// <summary>An enum member and its wire values, in declaration order.</summary>
    public sealed record Declared(string EnumName, string Member, IReadOnlyList<string> Wires);

    /// <summary>Every enum member with at least one <c>[Wire(…)]</c> attribute in <paramref name="source"/>.</summary>
    public static IEnumerable<Declared> Read(string source) =>
        from enumDeclaration in CSharpSyntaxTree.ParseText(source).GetCompilationUnitRoot().DescendantNodes().OfType<EnumDeclarationSyntax>()
        let ns = enumDeclaration.Ancestors().OfType<BaseNamespaceDeclarationSyntax>().FirstOrDefault()?.Name.ToString()
        from member in enumDeclaration.Members
        let wires = member.AttributeLists.SelectMany(list => list.Attributes)
            .Where(a => a.Name.ToString() is "Wire" or "WireAttribute" or "FaxSdk.Mapping.Wire" or "FaxSdk.Mapping.WireAttribute")
            .Select(Value)
            .ToList()
        where wires.Count > 0
        select new Declared(ns is null ? enumDeclaration.Identifier.Text : $"{ns}.{enumDeclaration.Identifier.Text}", member.Identifier.Text, wires);

    /// <summary>One message per member whose generated map disagrees with its declaration; none when all agree.</summary>
    public static IEnumerable<string> Mismatches(IEnumerable<Declared> declared, Assembly assembly)
    {
        foreach (var member in declared)
        {
            var type = assembly.GetType(member.EnumName, throwOnError: true)!;
            var map = assembly.GetType(member.EnumName + "Map", throwOnError: true)!;
            var value = Enum.Parse(type, member.Member);
            var written = (string)map.GetMethod("ToWire", [type])!.Invoke(null, [value])!;
            var listed = ((IEnumerable)map.GetProperty("Entries")!.GetValue(null)!).Cast<object>()
                .Where(e => Equals(e.GetType().GetProperty("Value")!.GetValue(e), value))
                .Select(e => (string)e.GetType().GetProperty("Wire")!.GetValue(e)!)
                .ToList();
            if (written != member.Wires[0] || !listed.SequenceEqual(member.Wires))
            {
                yield return $"{member.EnumName}.{member.Member} declares [Wire] {Quote(member.Wires)}: ToWire() writes \"{written}\" and Entries lists {Quote(listed)}; the first declared value must be the one written.";
            }
        }
    }

    private static string Quote(IEnumerable<string> values) => string.Join(", ", values.Select(v => $"\"{v}\""));

    private static string Value(AttributeSyntax attribute)
    {
        var argument = attribute.ArgumentList?.Arguments.FirstOrDefault()?.Expression;
        return argument is LiteralExpressionSyntax literal
            ? Convert.ToString(literal.Token.Value, CultureInfo.InvariantCulture)!
            : throw new InvalidOperationException($"[{attribute}] at {attribute.GetLocation().GetLineSpan()} is not a literal: this check reads wire values from the source.");
    }
}
