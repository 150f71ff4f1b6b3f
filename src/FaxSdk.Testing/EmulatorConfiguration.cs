using System.Text.Json;

namespace FaxSdk.Testing;

/// <summary>Builds the <c>FaxSdk</c> configuration section that points every provider at a running emulator.</summary>
internal static class EmulatorConfiguration
{
    public static IReadOnlyDictionary<string, string?> Create(FaxEmulator emulator)
    {
        const string Root = FaxEmulator.ConfigurationSection;
        var settings = emulator.ProviderEmulators.SelectMany(provider => provider.Settings(emulator.Credentials).Select(setting =>
            new KeyValuePair<string, string?>($"{Root}:{provider.Descriptor.ConfigurationSection}:{setting.Key}", setting.Value)));
        return new OrderedDictionary<string, string?>(settings, StringComparer.OrdinalIgnoreCase);
    }

    public static async Task WriteJsonAsync(IReadOnlyDictionary<string, string?> settings, Stream stream, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
        await using var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        writer.WriteStartObject();
        WriteObject(writer, [.. settings.Select(s => (Path: s.Key.Split(':'), s.Value))], 0);
        writer.WriteEndObject();
        await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
        await stream.WriteAsync("\n"u8.ToArray(), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Writes the entries below one level as properties, nesting by path segment and keeping their order.</summary>
    private static void WriteObject(Utf8JsonWriter writer, List<(string[] Path, string? Value)> entries, int depth)
    {
        foreach (var group in entries.GroupBy(e => e.Path[depth], StringComparer.OrdinalIgnoreCase))
        {
            var items = group.ToList();
            if (items is [{ } leaf] && leaf.Path.Length == depth + 1)
            {
                writer.WriteString(group.Key, leaf.Value);
                continue;
            }

            writer.WriteStartObject(group.Key);
            WriteObject(writer, [.. items.Where(e => e.Path.Length > depth + 1)], depth + 1);
            writer.WriteEndObject();
        }
    }
}
