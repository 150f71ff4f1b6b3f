namespace FaxSdk.Fuzz.Tests;

/// <summary>The seed bodies: every provider fixture of the provider tests (copied next to this assembly under <c>Seeds/</c>).</summary>
internal static class Seeds
{
    public static IReadOnlyList<(string Name, byte[] Body)> Of(string provider) =>
        [.. Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "Seeds", provider))
            .Order(StringComparer.Ordinal)
            .Select(path => ($"{provider}/{Path.GetFileName(path)}", File.ReadAllBytes(path)))];

    public static IReadOnlyList<(string Name, byte[] Body)> Except(string provider) =>
        [.. Directory.EnumerateDirectories(Path.Combine(AppContext.BaseDirectory, "Seeds"))
            .Select(Path.GetFileName)
            .Where(name => name != provider)
            .Order(StringComparer.Ordinal)
            .SelectMany(name => Of(name!))];
}
