namespace FaxSdk.Fuzz.Tests;

/// <summary>
/// The seed bodies: every provider fixture of the provider tests (copied next to this assembly under <c>Seeds/</c>),
/// the push bodies in <c>{provider}/push/</c> included.
/// </summary>
internal static class Seeds
{
    /// <summary>A provider's fixtures, its subfolders included (such as <c>phaxio/webhooks</c>), dot files excluded.</summary>
    public static IReadOnlyList<(string Name, byte[] Body)> Of(string provider)
    {
        var root = Path.Combine(AppContext.BaseDirectory, "Seeds");
        return [.. Directory.EnumerateFiles(Path.Combine(root, provider), "*", SearchOption.AllDirectories)
            .Where(path => !Path.GetFileName(path).StartsWith('.'))
            .Select(path => Path.GetRelativePath(root, path).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .Select(name => (name, File.ReadAllBytes(Path.Combine(root, name))))];
    }

    public static IReadOnlyList<(string Name, byte[] Body)> Except(string provider) =>
        [.. Directory.EnumerateDirectories(Path.Combine(AppContext.BaseDirectory, "Seeds"))
            .Select(Path.GetFileName)
            .Where(name => name != provider)
            .Order(StringComparer.Ordinal)
            .SelectMany(name => Of(name!))];
}
