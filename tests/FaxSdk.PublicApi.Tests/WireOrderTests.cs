using FaxSdk.Mapping;

namespace FaxSdk.PublicApi.Tests;

/// <summary>
/// PublicApiGenerator sorts attributes, so the approved text cannot show which [Wire] value comes first; this checks
/// that the first one in the source is the canonical value the generated code writes.
/// </summary>
public class WireOrderTests
{
    private static IEnumerable<(SrcProject Project, string Path, string Text)> Sources() =>
        from project in SrcProject.Libraries
        from path in Directory.EnumerateFiles(Path.Combine(ApiApproval.RepoRoot, "src", project.Folder), "*.cs", SearchOption.AllDirectories)
        where !path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
              && !path.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
        select (project, path, File.ReadAllText(path));

    [Fact]
    public void The_first_declared_wire_value_of_every_member_is_the_one_the_generated_code_writes()
    {
        var mismatches = Sources()
            .SelectMany(s => WireOrder.Mismatches(WireOrder.Read(s.Text), PublicApiTests.Load(s.Project)))
            .ToList();

        Assert.True(mismatches.Count == 0, string.Join("\n", mismatches));
    }

    [Fact]
    public void Every_mapped_enum_of_every_package_is_read_from_the_source()
    {
        var declared = Sources().SelectMany(s => WireOrder.Read(s.Text)).Select(d => d.EnumName).ToHashSet(StringComparer.Ordinal);
        var mapped = SrcProject.Libraries
            .SelectMany(p => PublicApiTests.Load(p).GetTypes())
            .Where(t => t.IsEnum && t.IsDefined(typeof(FaxStatusMapAttribute), inherit: false))
            .Select(t => t.FullName!)
            .ToHashSet(StringComparer.Ordinal);

        Assert.NotEmpty(mapped);
        Assert.Equal(mapped.Order(StringComparer.Ordinal), declared.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_swapped_canonical_wire_value_is_caught()
    {
        var (project, _, text) = Sources().Single(s => s.Path.EndsWith("PantareyJobStatus.cs", StringComparison.Ordinal));
        const string declared = """[Wire("canceled"), Wire("cancelled")""";
        Assert.Contains(declared, text, StringComparison.Ordinal);
        var swapped = text.Replace(declared, """[Wire("cancelled"), Wire("canceled")""", StringComparison.Ordinal);

        var mismatch = Assert.Single(WireOrder.Mismatches(WireOrder.Read(swapped), PublicApiTests.Load(project)));

        Assert.StartsWith("FaxSdk.Pantarey.PantareyJobStatus.Canceled declares [Wire] \"cancelled\", \"canceled\": ToWire() writes \"canceled\"", mismatch, StringComparison.Ordinal);
    }
}
