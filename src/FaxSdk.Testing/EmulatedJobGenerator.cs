using System.Globalization;

namespace FaxSdk.Testing;

/// <summary>
/// Makes many jobs for load and multi-process runs: for each provider, jobs whose lifecycles are the provider's
/// <see cref="FaxEmulator.DefaultJobs"/> (every final state it can reach), chosen by a seeded random sequence, with new
/// ids in the provider's own id format and the script's steps stretched or shrunk to a given step.
/// </summary>
internal static class EmulatedJobGenerator
{
    /// <summary>The most jobs per provider (the id formats hold that many).</summary>
    public const int MaxJobsPerProvider = 1_000_000;

    private static readonly TimeSpan TemplateStep = TimeSpan.FromSeconds(1);

    public static IReadOnlyList<EmulatedJob> Generate(int jobsPerProvider, int seed, TimeSpan step)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(jobsPerProvider);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(jobsPerProvider, MaxJobsPerProvider);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(step, TimeSpan.Zero);
        var templates = FaxEmulator.DefaultJobs().ToLookup(j => j.Provider, StringComparer.Ordinal);
        var jobs = new List<EmulatedJob>(jobsPerProvider * FaxEmulator.Providers.Count);
        for (var p = 0; p < FaxEmulator.Providers.Count; p++)
        {
            var provider = FaxEmulator.Providers[p];
            var choices = templates[provider].ToList();

            // One sequence per provider, so a provider's jobs do not change when another provider is added.
            var random = new Random(unchecked((seed * 397) ^ (p + 1)));
            for (var i = 0; i < jobsPerProvider; i++)
            {
                jobs.Add(Copy(choices[random.Next(choices.Count)], JobId(provider, i), step / TemplateStep));
            }
        }

        return jobs;
    }

    /// <summary>The i-th generated id of a provider, in the provider's id format (never one of the default jobs' ids).</summary>
    private static string JobId(string provider, int i) => provider switch
    {
        "phaxio" => (100_000_000 + i).ToString(CultureInfo.InvariantCulture),
        "stonefax" => string.Create(CultureInfo.InvariantCulture, $"IAS-N1_00000000-0000-4000-8000-{i:D12}_0"),
        "pantarey" => string.Create(CultureInfo.InvariantCulture, $"00000000-4a10-11f1-b04d-{i:D12}"),
        "concord" => string.Create(CultureInfo.InvariantCulture, $"br9{i:D9}"),
        "retarus" => string.Create(CultureInfo.InvariantCulture, $"FJJ{i:D8}05ZZBIELGEN"),
        _ => string.Create(CultureInfo.InvariantCulture, $"generated-{i:D9}"),
    };

    /// <summary>The template's lifecycle for a new id, its times multiplied by <paramref name="scale"/>, outside the sandbox.</summary>
    private static EmulatedJob Copy(EmulatedJob template, string jobId, double scale)
    {
        var recipients = template.Recipients
            .Select(r => new EmulatedRecipient(r.FaxNumber, [.. r.Steps.Select(s => s with { At = s.At * scale })], r.Name))
            .ToList();
        return new EmulatedJob(template.Provider, jobId, recipients)
        {
            Pages = template.Pages,
            DataCenters = template.DataCenters,
            Paused = template.Paused is { } paused ? (paused.From * scale, paused.Until * scale) : null,
        };
    }
}
