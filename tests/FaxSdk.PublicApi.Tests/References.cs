using Microsoft.CodeAnalysis;

namespace FaxSdk.PublicApi.Tests;

/// <summary>Metadata references for reading assemblies: everything the test host runs with (framework, ASP.NET Core, packages).</summary>
internal static class References
{
    private static readonly Lazy<IReadOnlyList<string>> Platform = new(() =>
        ((string?)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") ?? throw new InvalidOperationException("No TRUSTED_PLATFORM_ASSEMBLIES."))
        .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
        .Order(StringComparer.Ordinal)
        .ToList());

    /// <summary>The platform assemblies except <paramref name="excludedPath"/> (the assembly being read).</summary>
    public static IEnumerable<MetadataReference> AllExcept(string? excludedPath = null) =>
        Platform.Value
            .Where(p => excludedPath is null || !string.Equals(Path.GetFileName(p), Path.GetFileName(excludedPath), StringComparison.OrdinalIgnoreCase))
            .Select(p => MetadataReference.CreateFromFile(p));
}
