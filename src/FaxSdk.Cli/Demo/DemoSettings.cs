namespace FaxSdk.Cli.Demo;

/// <summary>The demo's options.</summary>
internal sealed record DemoSettings
{
    /// <summary>The share of emulator requests that get an injected fault (0 to 1).</summary>
    public double FaultRate { get; init; }

    /// <summary>The fault seed (same seed, same faults).</summary>
    public int Seed { get; init; } = 1;

    /// <summary>How long the demo may take before it gives up (exit 5).</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(80);
}
