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
    public static IReadOnlyList<EmulatedFault> AllKinds { get; } = Array.AsReadOnly(Enum.GetValues<EmulatedFault>());

    /// <summary>All push fault kinds, the default of <see cref="PushKinds"/>.</summary>
    public static IReadOnlyList<EmulatedPushFault> AllPushKinds { get; } = Array.AsReadOnly(Enum.GetValues<EmulatedPushFault>());

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

    /// <summary>The share of pushes (webhooks the emulator sends, see <see cref="FaxEmulatorOptions.Push"/>) that get a fault, from 0 (none, the default) to 1 (all).</summary>
    public double PushRate { get; init; }

    /// <summary>The kinds of push fault to choose from, each equally likely; default <see cref="AllPushKinds"/>.</summary>
    public IReadOnlyList<EmulatedPushFault> PushKinds { get; init; } = AllPushKinds;

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
        var mixed = Mix(Mix(Fnv(provider, 14695981039346656037UL) ^ (uint)Seed) ^ (ulong)ordinal);
        var roll = (mixed >> 11) * (1.0 / (1UL << 53));
        return roll < rate ? Kinds[(int)(Mix(mixed) % (ulong)Kinds.Count)] : null;
    }

    /// <summary>
    /// The fault for one of a job's pushes, or <see langword="null"/> for a normal delivery. Depends only on
    /// <see cref="Seed"/>, the provider, the job id and the push's index within the job (and <see cref="PushRate"/> and
    /// <see cref="PushKinds"/>), never on timing. <see cref="EmulatedPushFault.OutOfOrder"/> is only chosen when
    /// <paramref name="canArriveLate"/> (an in-flight push with a final push after it); otherwise the choice is among
    /// the other kinds.
    /// </summary>
    /// <param name="provider">The provider id.</param>
    /// <param name="jobId">The job id.</param>
    /// <param name="index">The push's index within the job's pushes, 0 for the first.</param>
    /// <param name="canArriveLate">Whether the push can be delivered after a later final push.</param>
    /// <returns>The fault to inject, or <see langword="null"/>.</returns>
    public EmulatedPushFault? DecidePush(string provider, string jobId, int index, bool canArriveLate)
    {
        ArgumentNullException.ThrowIfNull(provider);
        ArgumentNullException.ThrowIfNull(jobId);
        if (PushRate <= 0)
        {
            return null; // before the kinds are filtered: nothing is allocated per push while push faults are off
        }

        var kinds = canArriveLate ? PushKinds : [.. PushKinds.Where(k => k != EmulatedPushFault.OutOfOrder)];
        if (kinds.Count == 0)
        {
            return null;
        }

        var mixed = Mix(Mix(Fnv(jobId, Fnv(provider, 14695981039346656037UL) * 31) ^ (uint)Seed ^ 0x5055534855UL) ^ (ulong)index);
        var roll = (mixed >> 11) * (1.0 / (1UL << 53));
        return roll < PushRate ? kinds[(int)(Mix(mixed) % (ulong)kinds.Count)] : null;
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

        if (!(PushRate is >= 0 and <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(PushRate), PushRate, "The push fault rate must be between 0 and 1.");
        }

        ArgumentNullException.ThrowIfNull(PushKinds);
        if (PushKinds.Any(k => !Enum.IsDefined(k)))
        {
            throw new ArgumentException("PushKinds holds an undefined push fault kind.", nameof(PushKinds));
        }

        if (PushKinds.Count == 0 && PushRate > 0)
        {
            throw new ArgumentException("PushKinds is empty, but the push fault rate is above 0.", nameof(PushKinds));
        }

        if (Kinds.Count == 0 && (Rate > 0 || (ProviderRates?.Values.Any(r => r > 0) ?? false)))
        {
            throw new ArgumentException("Kinds is empty, but the fault rate is above 0.", nameof(Kinds));
        }
    }

    /// <summary>FNV-1a over a string's UTF-16 code units, continuing from <paramref name="hash"/>.</summary>
    private static ulong Fnv(string text, ulong hash)
    {
        foreach (var c in text)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        return hash;
    }

    private static ulong Mix(ulong x)
    {
        x += 0x9E3779B97F4A7C15UL;
        x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL;
        x = (x ^ (x >> 27)) * 0x94D049BB133111EBUL;
        return x ^ (x >> 31);
    }
}
