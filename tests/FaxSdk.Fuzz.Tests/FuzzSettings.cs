using System.Globalization;

namespace FaxSdk.Fuzz.Tests;

/// <summary>
/// How long and from which seed the fuzz suite runs. CI runs about 60 s in all with the fixed seed; set
/// <c>FAXSDK_FUZZ_SECONDS</c> (total seconds over the five providers) and <c>FAXSDK_FUZZ_SEED</c> to run longer or elsewhere.
/// </summary>
internal static class FuzzSettings
{
    /// <summary>The seed CI uses.</summary>
    public const int DefaultSeed = 1313;

    /// <summary>The seconds CI spends, over all providers.</summary>
    public const double DefaultTotalSeconds = 60;

    /// <summary>The five providers share the total.</summary>
    public const int Providers = 5;

    /// <summary>The most time one input may take before it counts as unbounded (cancelled through its token).</summary>
    public static readonly TimeSpan InputBudget = TimeSpan.FromSeconds(10);

    /// <summary>Allocation bound per input: this many bytes per input byte…</summary>
    public const long AllocatedBytesPerInputByte = 32;

    /// <summary>…plus this constant.</summary>
    public const long AllocatedBytesConstant = 4L * 1024 * 1024;

    public static int Seed => int.TryParse(Environment.GetEnvironmentVariable("FAXSDK_FUZZ_SEED"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var seed) ? seed : DefaultSeed;

    public static TimeSpan PerProvider => TimeSpan.FromSeconds(
        (double.TryParse(Environment.GetEnvironmentVariable("FAXSDK_FUZZ_SECONDS"), NumberStyles.Float, CultureInfo.InvariantCulture, out var total) && total > 0 ? total : DefaultTotalSeconds) / Providers);
}
