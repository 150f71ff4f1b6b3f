using System.Text.Json.Nodes;
using FaxSdk.Testing;
using Microsoft.Extensions.Time.Testing;

namespace FaxSdk.Cli.Tests;

/// <summary>An emulator for one test, a temporary directory, and configuration files pointing at it.</summary>
internal sealed class EmulatorHost : IAsyncDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("faxstatus-cli-").FullName;

    private EmulatorHost(FaxEmulator emulator, FakeTimeProvider? clock)
    {
        Emulator = emulator;
        Clock = clock;
    }

    public FaxEmulator Emulator { get; }

    /// <summary>The emulator's clock when it runs on virtual time (<see cref="StartVirtualAsync"/>).</summary>
    public FakeTimeProvider? Clock { get; }

    /// <summary>Every credential the emulator accepts, to check that none is ever printed.</summary>
    public IReadOnlyList<string> Secrets
    {
        get
        {
            var c = Emulator.Credentials;
            return [c.PhaxioApiKey, c.PhaxioApiSecret, c.StoneFaxPassword, c.PantareyBearerToken, c.ConcordAccessToken, c.RetarusPassword];
        }
    }

    /// <summary>An emulator whose jobs move only when the test advances <see cref="Clock"/>.</summary>
    public static async Task<EmulatorHost> StartVirtualAsync()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero));
        return new EmulatorHost(await FaxEmulator.StartAsync(new FaxEmulatorOptions { TimeProvider = clock }), clock);
    }

    /// <summary>An emulator on the system clock (for watching jobs progress).</summary>
    public static async Task<EmulatorHost> StartRealTimeAsync() => new(await FaxEmulator.StartAsync(), null);

    /// <summary>Writes the emulator's own configuration file (<see cref="FaxEmulator.WriteConfigurationAsync"/>).</summary>
    public async Task<string> WriteEmulatorConfigAsync()
    {
        var path = NewPath();
        await using var stream = File.Create(path);
        await Emulator.WriteConfigurationAsync(stream);
        return path;
    }

    /// <summary>Writes a configuration file from flattened settings (<c>FaxSdk:Phaxio:ApiKey</c> → nested JSON).</summary>
    public string WriteConfig(IEnumerable<KeyValuePair<string, string?>> settings)
    {
        var root = new JsonObject();
        foreach (var (key, value) in settings)
        {
            var node = root;
            var parts = key.Split(':');
            foreach (var part in parts[..^1])
            {
                node = (JsonObject)(node[part] ??= new JsonObject());
            }

            node[parts[^1]] = value;
        }

        return WriteText(root.ToJsonString());
    }

    /// <summary>The emulator's settings with some changed or added (null removes a setting).</summary>
    public Dictionary<string, string?> Settings(params (string Key, string? Value)[] changes)
    {
        var settings = new Dictionary<string, string?>(Emulator.CreateConfiguration(), StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in changes)
        {
            if (value is null)
            {
                settings.Remove(key);
            }
            else
            {
                settings[key] = value;
            }
        }

        return settings;
    }

    public string WriteText(string content)
    {
        var path = NewPath();
        File.WriteAllText(path, content);
        return path;
    }

    public string NewPath() => Path.Combine(_directory, Guid.NewGuid().ToString("N") + ".json");

    public async ValueTask DisposeAsync()
    {
        await Emulator.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }
}
