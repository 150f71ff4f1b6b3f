namespace FaxSdk.Testing;

/// <summary>
/// Which requests the emulator fails, and how. The decision for a request depends only on <see cref="Seed"/>, the
/// provider and that provider's request ordinal (1 for its first request since the emulator started), so the same
/// sequence of requests gets the same faults on every run.
/// </summary>
/// <remarks>
/// A fault is decided before the request is processed, and a faulted request never changes the emulator's state
/// (a faulted Retarus <c>DELETE</c> deletes nothing), so a client may safely retry it. The one exception is
/// <see cref="EmulatedFault.SlowResponse"/>: it answers normally (and so may change state) once the delay has passed,
/// unless the client has given up by then.
/// </remarks>
/// <example>
/// <code>
/// var options = new FaxEmulatorOptions { Faults = new EmulatorFaults { Rate = 0.2, Seed = 42 } };
/// await using var emulator = await FaxEmulator.StartAsync(options);
/// emulator.Faults = EmulatorFaults.None; // later: the providers recover
/// </code>
/// </example>
public sealed record EmulatorFaults
{
    /// <summary>All fault kinds, the default of <see cref="Kinds"/>.</summary>
    public static IReadOnlyList<EmulatedFault> AllKinds { get; } = Enum.GetValues<EmulatedFault>();

    /// <summary>No faults at all (the default).</summary>
    public static EmulatorFaults None { get; } = new();

    /// <summary>The share of requests that fail, from 0 (none, the default) to 1 (all).</summary>
    public double Rate { get; init; }

    /// <summary>The seed of the deterministic choice of faulted requests and their kinds.</summary>
    public int Seed { get; init; }

    /// <summary>Per-provider rates (provider id → 0..1) that override <see cref="Rate"/>, for example <c>{ ["retarus"] = 1 }</c>.</summary>
    public IReadOnlyDictionary<string, double>? ProviderRates { get; init; }

    /// <summary>The kinds of fault to choose from, each equally likely; default <see cref="AllKinds"/>.</summary>
    public IReadOnlyList<EmulatedFault> Kinds { get; init; } = AllKinds;

    /// <summary>How long <see cref="EmulatedFault.SlowResponse"/> waits: default 15 seconds, past the usual per-attempt timeouts.</summary>
    public TimeSpan SlowResponseDelay { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>The fault rate for a provider: its <see cref="ProviderRates"/> entry, or <see cref="Rate"/>.</summary>
    /// <param name="provider">The provider id.</param>
    /// <returns>The rate, 0..1.</returns>
    public double RateFor(string provider) =>
        ProviderRates is not null && ProviderRates.TryGetValue(provider, out var rate) ? rate : Rate;

    /// <summary>
    /// The fault for a provider's request, or <see langword="null"/> for a normal answer. Depends only on
    /// <see cref="Seed"/>, <paramref name="provider"/> and <paramref name="ordinal"/> (and the rate and kinds).
    /// </summary>
    /// <param name="provider">The provider id.</param>
    /// <param name="ordinal">The request's ordinal for that provider, 1 for its first request.</param>
    /// <returns>The fault to inject, or <see langword="null"/>.</returns>
    public EmulatedFault? Decide(string provider, long ordinal)
    {
        ArgumentNullException.ThrowIfNull(provider);
        var rate = RateFor(provider);
        if (rate <= 0 || Kinds.Count == 0)
        {
            return null;
        }

        // A stable hash (string.GetHashCode is randomised per process): FNV-1a of the provider id, then SplitMix64.
        var hash = 14695981039346656037UL;
        foreach (var c in provider)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        var mixed = Mix(Mix(hash ^ (uint)Seed) ^ (ulong)ordinal);
        var roll = (mixed >> 11) * (1.0 / (1UL << 53));
        return roll < rate ? Kinds[(int)(Mix(mixed) % (ulong)Kinds.Count)] : null;
    }

    /// <summary>Checks the settings.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A rate is outside 0..1, or the delay is negative.</exception>
    /// <exception cref="ArgumentException">Faults are possible but <see cref="Kinds"/> is empty or holds an undefined value.</exception>
    public void Validate()
    {
        if (!(Rate is >= 0 and <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(Rate), Rate, "The fault rate must be between 0 and 1.");
        }

        foreach (var (provider, rate) in ProviderRates ?? new Dictionary<string, double>())
        {
            if (!(rate is >= 0 and <= 1))
            {
                throw new ArgumentOutOfRangeException(nameof(ProviderRates), rate, $"The fault rate of '{provider}' must be between 0 and 1.");
            }
        }

        if (SlowResponseDelay < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(SlowResponseDelay), SlowResponseDelay, "The slow-response delay must not be negative.");
        }

        ArgumentNullException.ThrowIfNull(Kinds);
        if (Kinds.Any(k => !Enum.IsDefined(k)))
        {
            throw new ArgumentException("Kinds holds an undefined fault kind.", nameof(Kinds));
        }

        if (Kinds.Count == 0 && (Rate > 0 || (ProviderRates?.Values.Any(r => r > 0) ?? false)))
        {
            throw new ArgumentException("Kinds is empty, but the fault rate is above 0.", nameof(Kinds));
        }
    }

    private static ulong Mix(ulong x)
    {
        x += 0x9E3779B97F4A7C15UL;
        x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL;
        x = (x ^ (x >> 27)) * 0x94D049BB133111EBUL;
        return x ^ (x >> 31);
    }
}
