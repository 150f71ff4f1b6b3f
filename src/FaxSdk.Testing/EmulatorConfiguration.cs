using System.Text.Json;

namespace FaxSdk.Testing;

/// <summary>Builds the <c>FaxSdk</c> configuration section that points every provider at a running emulator.</summary>
internal static class EmulatorConfiguration
{
    public static IReadOnlyDictionary<string, string?> Create(FaxEmulator emulator)
    {
        var c = emulator.Credentials;
        const string Root = FaxEmulator.ConfigurationSection;
        List<KeyValuePair<string, string?>> settings =
        [
            new($"{Root}:Phaxio:BaseAddress", emulator.PhaxioBaseAddress.AbsoluteUri),
            new($"{Root}:Phaxio:ApiKey", c.PhaxioApiKey),
            new($"{Root}:Phaxio:ApiSecret", c.PhaxioApiSecret),
            new($"{Root}:StoneFax:BaseAddress", emulator.StoneFaxBaseAddress.AbsoluteUri),
            new($"{Root}:StoneFax:Username", c.StoneFaxUsername),
            new($"{Root}:StoneFax:Password", c.StoneFaxPassword),
            new($"{Root}:Pantarey:BaseAddress", emulator.PantareyEndpoint.AbsoluteUri),
            new($"{Root}:Pantarey:BearerToken", c.PantareyBearerToken),
            new($"{Root}:Concord:BaseAddress", emulator.ConcordEndpoint.AbsoluteUri),
            new($"{Root}:Concord:UserId", c.ConcordUserId),
            new($"{Root}:Concord:AccessToken", c.ConcordAccessToken),
            new($"{Root}:Concord:Transport", "Json"),
            new($"{Root}:Retarus:CustomerNumber", c.RetarusCustomerNumber),
            new($"{Root}:Retarus:Username", c.RetarusUsername),
            new($"{Root}:Retarus:Password", c.RetarusPassword),
        ];
        settings.AddRange(emulator.RetarusDataCenters.Select(d => new KeyValuePair<string, string?>($"{Root}:Retarus:DataCenters:{d.Key}", d.Value.AbsoluteUri)));
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
