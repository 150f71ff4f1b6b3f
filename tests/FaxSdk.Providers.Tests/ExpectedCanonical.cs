using System.Runtime.CompilerServices;
using System.Text.Encodings.Web;
using System.Text.Json;
using FaxSdk.Serialization;

namespace FaxSdk.Providers.Tests;

/// <summary>
/// The fixture convention: <c>Fixtures/{provider}/{name}</c> is a body as the provider sends it (written from its
/// documentation), and <c>Fixtures/{provider}/expected/{name}</c> (<c>.json</c> appended to other extensions, e.g. <c>soap.xml.json</c>) is what it reads to: the canonical JSON array
/// (what <c>faxstatus parse</c> prints), or <c>{"error": "ExceptionType", "message": "…"}</c> for a body that is an error.
/// Run with <c>FAXSDK_ACCEPT_FIXTURES=1</c> to write the expected files from the current parsers (then review the diff).
/// </summary>
internal static class ExpectedCanonical
{
    private static readonly JsonWriterOptions Indented = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static void Verify(string provider, string fixture, Func<byte[], IReadOnlyList<FaxJobStatus>> parse, [CallerFilePath] string caller = "")
    {
        var actual = Actual(parse, Fixture.Bytes(provider, fixture));
        var relative = Path.Combine("Fixtures", provider, "expected", fixture.EndsWith(".json", StringComparison.Ordinal) ? fixture : fixture + ".json");
        if (Environment.GetEnvironmentVariable("FAXSDK_ACCEPT_FIXTURES") == "1")
        {
            var source = Path.Combine(ProjectDirectory(caller), relative);
            Directory.CreateDirectory(Path.GetDirectoryName(source)!);
            File.WriteAllText(source, actual + "\n");
        }

        var expectedPath = Path.Combine(AppContext.BaseDirectory, relative);
        Assert.True(File.Exists(expectedPath), $"No expected canonical JSON for {provider}/{fixture}: run with FAXSDK_ACCEPT_FIXTURES=1 and review it.");
        Assert.Equal(Compact(File.ReadAllText(expectedPath)), Compact(actual));
    }

    private static string Actual(Func<byte[], IReadOnlyList<FaxJobStatus>> parse, byte[] body)
    {
        string json;
        try
        {
            json = JsonSerializer.Serialize(parse(body), FaxSdkJsonContext.Canonical.IReadOnlyListFaxJobStatus);
        }
        catch (FaxSdkException exception)
        {
            json = JsonSerializer.Serialize(new Dictionary<string, string> { ["error"] = exception.GetType().Name, ["message"] = exception.Message });
        }

        using var document = JsonDocument.Parse(json);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, Indented))
        {
            document.WriteTo(writer);
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static string Compact(string json)
    {
        using var document = JsonDocument.Parse(json);
        return JsonSerializer.Serialize(document.RootElement);
    }

    private static string ProjectDirectory(string caller)
    {
        var directory = Path.GetDirectoryName(caller)!;
        while (!File.Exists(Path.Combine(directory, "FaxSdk.Providers.Tests.csproj")))
        {
            directory = Path.GetDirectoryName(directory)!;
        }

        return directory;
    }
}
