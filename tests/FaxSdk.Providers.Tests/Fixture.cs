namespace FaxSdk.Providers.Tests;

/// <summary>Reads a fixture file copied next to the test assembly.</summary>
internal static class Fixture
{
    public static byte[] Bytes(string provider, string name) =>
        File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Fixtures", provider, name));

    public static IEnumerable<byte[]> All(string provider) =>
        Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "Fixtures", provider)).Where(f => f.EndsWith(".json", StringComparison.Ordinal) || f.EndsWith(".xml", StringComparison.Ordinal)).Order().Select(File.ReadAllBytes);
}
