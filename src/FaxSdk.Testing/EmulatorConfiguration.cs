using System.Text.Json;

namespace FaxSdk.Testing;

/// <summary>Builds the <c>FaxSdk</c> configuration section that points every provider at a running emulator.</summary>
internal static class EmulatorConfiguration
{
    public static IReadOnlyDictionary<string, string?> Create(FaxEmulator emulator)
    {
        const string Root = FaxEmulator.ConfigurationSection;
        var credentials = emulator.Credentials;
        var push = emulator.Options.Push;
        var pushers = emulator.PushDispatcher?.ActivePushers.ToDictionary(p => p.ProviderId, StringComparer.Ordinal) ?? [];
        var instance = push?.Instance is { } name ? $":Instances:{name}" : "";
        var settings = emulator.ProviderEmulators.SelectMany(provider =>
            provider.Settings(credentials)
                .Concat(pushers.TryGetValue(provider.ProviderId, out var pusher) ? pusher.WebhookSettings(credentials) : [])
                .Select(setting => new KeyValuePair<string, string?>($"{Root}:{provider.Descriptor.ConfigurationSection}{instance}:{setting.Key}", setting.Value)));
        if (pushers.Count > 0 && PublicBaseUrl(push!) is { } publicBaseUrl)
        {
            settings = settings.Append(new($"{Root}:Webhooks:PublicBaseUrl", publicBaseUrl));
        }

        return new OrderedDictionary<string, string?>(settings, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>
    /// The public base URL a receiver signs against: the scheme, host and port the pushes go to (a host that maps its
    /// webhooks at <c>{prefix}/{provider}</c> without a path base rebuilds each push URL from it exactly).
    /// </summary>
    private static string? PublicBaseUrl(EmulatorPushOptions push) =>
        (push.BaseAddress ?? push.Addresses?.Values.FirstOrDefault())?.GetLeftPart(UriPartial.Authority);

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
