namespace FaxSdk.Testing;

/// <summary>How the emulator runs.</summary>
public sealed record FaxEmulatorOptions
{
    /// <summary>The port on 127.0.0.1; 0 (the default) picks a free one.</summary>
    public int Port { get; init; }

    /// <summary>The clock job scripts run on; pass a manual one to step through lifecycles in tests.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>The credentials accepted.</summary>
    public EmulatorCredentials Credentials { get; init; } = new();

    /// <summary>The time zone StoneFax timestamps are written in (without an offset, like the real server). Default UTC.</summary>
    public TimeZoneInfo StoneFaxServerTimeZone { get; init; } = TimeZoneInfo.Utc;

    /// <summary>Serve StoneFax bodies without the <c>{"fax": …}</c> wrapper, like the 2016 documentation example.</summary>
    public bool StoneFaxUnwrapped { get; init; }

    /// <summary>The faults to inject (see <see cref="EmulatorFaults"/>); default <see cref="EmulatorFaults.None"/>. Change them at run time with <see cref="FaxEmulator.Faults"/>.</summary>
    public EmulatorFaults Faults { get; init; } = EmulatorFaults.None;

    /// <summary>
    /// How many of the latest requests <see cref="FaxEmulator.Requests"/> keeps (and faults
    /// <see cref="FaxEmulator.InjectedFaults"/> keeps): a ring, so a long or heavy run holds bounded memory. Default
    /// 10,000; 0 records none (<see cref="FaxEmulator.RequestCount"/> still counts them).
    /// </summary>
    public int RequestLogCapacity { get; init; } = 10_000;

    /// <summary>Where to push job progress (webhooks) as jobs progress, or <see langword="null"/> (the default) to push nothing.</summary>
    public EmulatorPushOptions? Push { get; init; }
}
