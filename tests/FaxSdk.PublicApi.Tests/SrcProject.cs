using System.Xml.Linq;

namespace FaxSdk.PublicApi.Tests;

/// <summary>
/// A project under <c>src/</c>, read from its project file: its package id, the assembly it ships, and whether it is a
/// <c>dotnet</c> tool (<c>PackAsTool</c>), which has no public API to approve.
/// </summary>
internal sealed record SrcProject(string Folder, string PackageId, string AssemblyName, bool IsTool)
{
    /// <summary>Every project under <c>src/</c> (each is packable: Directory.Build.props), ordered by folder.</summary>
    public static IReadOnlyList<SrcProject> All { get; } = Directory.GetDirectories(Path.Combine(ApiApproval.RepoRoot, "src"))
        .Order(StringComparer.Ordinal)
        .SelectMany(folder => Directory.GetFiles(folder, "*.csproj"))
        .Select(Read)
        .ToList();

    /// <summary>The libraries: every project that is not a tool, each with an approved public API.</summary>
    public static IEnumerable<SrcProject> Libraries => All.Where(p => !p.IsTool);

    private static SrcProject Read(string projectFile)
    {
        var name = Path.GetFileNameWithoutExtension(projectFile);
        var properties = XDocument.Load(projectFile).Descendants("PropertyGroup").Elements().ToList();
        string? Property(string key) => properties.LastOrDefault(e => e.Name.LocalName == key)?.Value.Trim();

        var assemblyName = Property("AssemblyName") ?? name;
        return new SrcProject(
            Path.GetFileName(Path.GetDirectoryName(projectFile)!),
            Property("PackageId") ?? assemblyName,
            assemblyName,
            string.Equals(Property("PackAsTool"), "true", StringComparison.OrdinalIgnoreCase));
    }
}
