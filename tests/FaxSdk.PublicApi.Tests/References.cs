using Microsoft.CodeAnalysis;

namespace FaxSdk.PublicApi.Tests;

/// <summary>Metadata references for reading assemblies: everything the test host runs with (framework, ASP.NET Core, packages).</summary>
internal static class References
{
    // Created once: Roslyn caches the metadata it reads per reference object, so compilations share it.
    private static readonly Lazy<IReadOnlyList<(string Path, MetadataReference Reference)>> Platform = new(() =>
        ((string?)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") ?? throw new InvalidOperationException("No TRUSTED_PLATFORM_ASSEMBLIES."))
        .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
        .Order(StringComparer.Ordinal)
        .Select(p => (p, (MetadataReference)MetadataReference.CreateFromFile(p)))
        .ToList());

    /// <summary>The platform assemblies except <paramref name="excludedPath"/> (the assembly being read).</summary>
    public static IEnumerable<MetadataReference> AllExcept(string? excludedPath = null) =>
        Platform.Value
            .Where(r => excludedPath is null || !string.Equals(Path.GetFileName(r.Path), Path.GetFileName(excludedPath), StringComparison.OrdinalIgnoreCase))
            .Select(r => r.Reference);
}
