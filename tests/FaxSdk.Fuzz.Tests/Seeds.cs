namespace FaxSdk.Fuzz.Tests;

/// <summary>
/// The seed bodies: every provider fixture of the provider tests (copied next to this assembly under <c>Seeds/</c>),
/// the push bodies in <c>{provider}/push/</c> included.
/// </summary>
internal static class Seeds
{
    public static IReadOnlyList<(string Name, byte[] Body)> Of(string provider)
    {
        var root = Path.Combine(AppContext.BaseDirectory, "Seeds", provider);
        return [.. Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Select(path => (Name: $"{provider}/{Path.GetRelativePath(root, path).Replace('\\', '/')}", Path: path))
            .OrderBy(s => s.Name, StringComparer.Ordinal)
            .Select(s => (s.Name, File.ReadAllBytes(s.Path)))];
    }

    public static IReadOnlyList<(string Name, byte[] Body)> Except(string provider) =>
        [.. Directory.EnumerateDirectories(Path.Combine(AppContext.BaseDirectory, "Seeds"))
            .Select(Path.GetFileName)
            .Where(name => name != provider)
            .Order(StringComparer.Ordinal)
            .SelectMany(name => Of(name!))];
}
