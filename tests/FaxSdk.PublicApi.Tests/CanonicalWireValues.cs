using System.Collections;
using System.Reflection;
using System.Text;
using FaxSdk.Mapping;

namespace FaxSdk.PublicApi.Tests;

/// <summary>
/// PublicApiGenerator sorts attributes, so the approved text alone does not show which of a member's several
/// <see cref="WireAttribute"/> values is the canonical one (the first, the one <c>ToWire()</c> writes). This lists
/// them as the generated map has them, the canonical value first, so changing it shows in the approved diff.
/// </summary>
internal static class CanonicalWireValues
{
    /// <summary>One comment line per enum member with more than one wire value; empty when there is none.</summary>
    public static string Describe(Assembly assembly)
    {
        var lines = new StringBuilder();
        foreach (var type in assembly.GetExportedTypes()
                     .Where(t => t.IsEnum && t.IsDefined(typeof(FaxStatusMapAttribute), inherit: false))
                     .OrderBy(t => t.FullName, StringComparer.Ordinal))
        {
            var map = assembly.GetType(type.FullName + "Map", throwOnError: true)!;
            var toWire = map.GetMethod("ToWire", [type])!;
            var entries = ((IEnumerable)map.GetProperty("Entries")!.GetValue(null)!).Cast<object>()
                .Select(e => (Member: e.GetType().GetProperty("Value")!.GetValue(e)!, Wire: (string)e.GetType().GetProperty("Wire")!.GetValue(e)!));
            foreach (var member in entries.GroupBy(e => e.Member).Where(g => g.Count() > 1))
            {
                var canonical = (string)toWire.Invoke(null, [member.Key])!;
                var others = member.Select(e => e.Wire).Where(w => w != canonical);
                lines.Append($"// {type.FullName}.{member.Key}: ToWire() writes \"{canonical}\"; also parses {string.Join(", ", others.Select(w => $"\"{w}\""))}\n");
            }
        }

        return lines.Length == 0
            ? ""
            : "\n// Canonical wire values of members with several [Wire] values (the attributes above are sorted):\n" + lines;
    }
}
