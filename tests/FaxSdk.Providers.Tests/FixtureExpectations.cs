using System.Text.Json;
using System.Text.Json.Nodes;
using FaxSdk.Serialization;

namespace FaxSdk.Providers.Tests;

/// <summary>
/// Every fixture of a provider has its expected result next to it, in <c>Fixtures/{provider}/expected/{name}.json</c>:
/// the canonical JSON array <c>faxstatus parse</c> prints, or <c>{"error": "ExceptionType", "message": "…"}</c> for a
/// body that must be refused. Run with <c>FAXSDK_ACCEPT_FIXTURES=1</c> to (re)write them, then review the diff.
/// </summary>
internal static class FixtureExpectations
{
    public static IEnumerable<string> Names(string provider) =>
        Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "Fixtures", provider))
            .Where(f => f.EndsWith(".json", StringComparison.Ordinal) || f.EndsWith(".xml", StringComparison.Ordinal))
            .Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal);

    public static void Check(string provider, string name, Func<byte[], IReadOnlyList<FaxJobStatus>> parse)
    {
        var body = Fixture.Bytes(provider, name);
        JsonNode actual;
        try
        {
            actual = JsonNode.Parse(JsonSerializer.Serialize(parse(body), FaxSdkJsonContext.Canonical.IReadOnlyListFaxJobStatus))!;
        }
        catch (FaxSdkException exception)
        {
            actual = new JsonObject { ["error"] = exception.GetType().Name, ["message"] = exception.Message };
        }

        var expectedName = Path.ChangeExtension(name, ".json");
        if (Environment.GetEnvironmentVariable("FAXSDK_ACCEPT_FIXTURES") == "1")
        {
            var sourceDir = Path.Combine(SourceRoot(), "Fixtures", provider, "expected");
            Directory.CreateDirectory(sourceDir);
            File.WriteAllText(Path.Combine(sourceDir, expectedName),
                actual.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n");
            return;
        }

        var expectedPath = Path.Combine(AppContext.BaseDirectory, "Fixtures", provider, "expected", expectedName);
        Assert.True(File.Exists(expectedPath), $"{provider}/{name} has no expected result (expected/{expectedName}); run with FAXSDK_ACCEPT_FIXTURES=1 and review it.");
        var expected = JsonNode.Parse(File.ReadAllText(expectedPath));
        Assert.True(JsonNode.DeepEquals(expected, actual), $"{provider}/{name}:\nexpected {expected?.ToJsonString()}\nactual   {actual.ToJsonString()}");
    }

    private static string SourceRoot([System.Runtime.CompilerServices.CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;
}
