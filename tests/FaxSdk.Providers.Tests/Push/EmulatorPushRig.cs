using FaxSdk.Testing;
using Microsoft.Extensions.Time.Testing;

namespace FaxSdk.Providers.Tests.Push;

/// <summary>An emulator on a fake clock pushing to a <see cref="PushCapture"/> at <c>{capture}/hooks</c>.</summary>
internal sealed class EmulatorPushRig : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);

    private EmulatorPushRig(FakeTimeProvider clock, PushCapture capture, FaxEmulator emulator)
    {
        Clock = clock;
        Capture = capture;
        Emulator = emulator;
    }

    public FakeTimeProvider Clock { get; }

    public PushCapture Capture { get; }

    public FaxEmulator Emulator { get; }

    /// <summary>The URL a provider's pushes go to (what Phaxio signs).</summary>
    public string UrlOf(string provider) => $"{Capture.Address}/hooks/{provider}";

    public static async Task<EmulatorPushRig> StartAsync(EmulatorFaults? faults = null, Func<CapturedPush, int>? answer = null, EmulatorPushOptions? push = null)
    {
        var clock = new FakeTimeProvider(Start);
        var capture = await PushCapture.StartAsync(answer);
        var emulator = await FaxEmulator.StartAsync(new FaxEmulatorOptions
        {
            TimeProvider = clock,
            Faults = faults ?? EmulatorFaults.None,
            Push = (push ?? new EmulatorPushOptions()) with { BaseAddress = new Uri(capture.Address + "/hooks") },
        });
        return new EmulatorPushRig(clock, capture, emulator);
    }

    /// <summary>Lets what is due now go out, then moves the clock in quarter seconds up to <paramref name="elapsed"/> after <see cref="Start"/>, letting each step's pushes go out.</summary>
    public async Task RunUntilAsync(TimeSpan elapsed)
    {
        await SentAsync();
        while (Clock.GetUtcNow() < Start + elapsed)
        {
            Clock.Advance(TimeSpan.FromMilliseconds(250));
            await SentAsync();
        }
    }

    public Task SentAsync() => Emulator.WhenPushesSentAsync().WaitAsync(TimeSpan.FromSeconds(30));

    public async ValueTask DisposeAsync()
    {
        await Emulator.DisposeAsync();
        await Capture.DisposeAsync();
    }
}
