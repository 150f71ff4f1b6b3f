using System.Diagnostics;

namespace FaxSdk.Fuzz.Tests;

/// <summary>
/// Runs parsers on mutated fixtures for a bounded time and collects every broken promise: an exception other than a
/// <see cref="FaxSdkException"/> subtype, an input that outlives its time budget (cancelled through its token),
/// allocations beyond a multiple of the input's size, or a status that breaks the model's invariants. Each failure is
/// shrunk (by truncation and by removing ranges) to a small input that fails the same way.
/// </summary>
internal static class FuzzHarness
{
    private const int MaxDistinctFailures = 8;
    private const int MaxShrinkAttempts = 400;
    private static readonly TimeSpan MaxShrinkTime = TimeSpan.FromSeconds(10);

    /// <summary>The result of one input.</summary>
    public sealed record Outcome(string? Kind, string Detail);

    /// <summary>Fuzzes <paramref name="targets"/> with their provider's fixtures (and, now and then, another provider's).</summary>
    public static IReadOnlyList<FuzzFailure> Run(IReadOnlyList<FuzzTarget> targets, IReadOnlyList<(string Name, byte[] Body)> own, IReadOnlyList<(string Name, byte[] Body)> others, TimeSpan duration, int seed)
    {
        var failures = new List<FuzzFailure>();
        var signatures = new HashSet<string>(StringComparer.Ordinal);
        var seedBodies = own.Concat(others).Select(s => s.Body).ToList();
        var master = new Random(seed ^ StableHash(targets[0].Provider));
        var clock = Stopwatch.StartNew();

        // First the fixtures as they are, then mutations until the time is up.
        foreach (var (name, body) in own)
        {
            foreach (var target in targets)
            {
                Record(target, body, body.Length, 0, name, "none");
            }
        }

        while (clock.Elapsed < duration && signatures.Count < MaxDistinctFailures)
        {
            var mutationSeed = master.Next();
            var random = new Random(mutationSeed);
            var (fixture, body) = random.Next(10) == 0 && others.Count > 0 ? others[random.Next(others.Count)] : own[random.Next(own.Count)];
            var input = Mutator.Mutate(random, body, seedBodies, out var mutations);
            foreach (var target in targets)
            {
                Record(target, input, input.Length, mutationSeed, fixture, mutations);
            }
        }

        return failures;

        void Record(FuzzTarget target, byte[] input, int length, int mutationSeed, string fixture, string mutations)
        {
            var outcome = Check(target, input);
            if (outcome.Kind is null || !signatures.Add($"{target.Name}|{outcome.Kind}"))
            {
                return;
            }

            var minimal = outcome.Kind.StartsWith("exceeded", StringComparison.Ordinal) ? input : Shrink(target, input, outcome.Kind);
            failures.Add(new FuzzFailure(target.Name, outcome.Kind, outcome.Detail, minimal, length, mutationSeed, fixture, mutations));
        }
    }

    /// <summary>Runs one input and judges it.</summary>
    public static Outcome Check(FuzzTarget target, byte[] input, TimeSpan? timeBudget = null)
    {
        using var budget = new CancellationTokenSource(timeBudget ?? FuzzSettings.InputBudget);
        var run = Task.Run(() =>
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            try
            {
                var statuses = target.Parse(input, budget.Token);
                return (Statuses: statuses, Error: (Exception?)null, Allocated: GC.GetAllocatedBytesForCurrentThread() - before);
            }
            catch (Exception exception)
            {
                return (Statuses: (IReadOnlyList<FaxJobStatus>?)null, Error: exception, Allocated: GC.GetAllocatedBytesForCurrentThread() - before);
            }
        });

        (IReadOnlyList<FaxJobStatus>? Statuses, Exception? Error, long Allocated) result;
        try
        {
            result = run.WaitAsync(budget.Token).GetAwaiter().GetResult();
        }
        catch (OperationCanceledException)
        {
            return new Outcome("exceeded its time budget", $"still running after {FuzzSettings.InputBudget.TotalSeconds} s on a {input.Length}-byte input");
        }

        if (result.Error is OperationCanceledException)
        {
            return new Outcome("exceeded its time budget", $"cancelled by its {FuzzSettings.InputBudget.TotalSeconds} s budget on a {input.Length}-byte input");
        }

        var bound = (FuzzSettings.AllocatedBytesPerInputByte * input.Length) + FuzzSettings.AllocatedBytesConstant;
        if (result.Allocated > bound)
        {
            return new Outcome("allocated beyond its bound", $"{result.Allocated:N0} bytes for a {input.Length:N0}-byte input (bound {bound:N0})");
        }

        if (result.Error is { } error)
        {
            return error is FaxSdkException
                ? new Outcome(null, error.GetType().Name)
                : new Outcome($"threw {error.GetType().Name}", $"{error.Message} at {error.StackTrace?.Split('\n').FirstOrDefault()?.Trim()}");
        }

        return Invariants.Violation(result.Statuses) is { } violation
            ? new Outcome($"broke an invariant: {violation}", $"{result.Statuses!.Count} statuses")
            : new Outcome(null, "ok");
    }

    /// <summary>Makes a failing input smaller while it fails the same way: truncation first, then removing ranges.</summary>
    public static byte[] Shrink(FuzzTarget target, byte[] input, string kind)
    {
        var best = input;
        var attempts = 0;
        var clock = Stopwatch.StartNew();
        bool Fails(byte[] candidate) => ++attempts <= MaxShrinkAttempts && clock.Elapsed < MaxShrinkTime && Check(target, candidate).Kind == kind;

        // Shortest failing prefix (binary search; failures are not monotone, so this is a heuristic).
        int low = 0, high = best.Length;
        while (low < high && attempts < MaxShrinkAttempts)
        {
            var mid = low + ((high - low) / 2);
            if (Fails(best[..mid]))
            {
                high = mid;
            }
            else
            {
                low = mid + 1;
            }
        }

        if (high < best.Length && clock.Elapsed < MaxShrinkTime && Check(target, best[..high]).Kind == kind)
        {
            best = best[..high];
        }

        // Remove ranges, largest first.
        for (var chunk = best.Length / 2; chunk >= 1 && attempts < MaxShrinkAttempts && clock.Elapsed < MaxShrinkTime; chunk /= 2)
        {
            for (var start = 0; start + chunk <= best.Length && attempts < MaxShrinkAttempts && clock.Elapsed < MaxShrinkTime;)
            {
                byte[] candidate = [.. best[..start], .. best[(start + chunk)..]];
                if (Fails(candidate))
                {
                    best = candidate;
                }
                else
                {
                    start += chunk;
                }
            }
        }

        return best;
    }

    private static int StableHash(string text)
    {
        var hash = 17;
        foreach (var c in text)
        {
            hash = unchecked((hash * 31) + c);
        }

        return hash;
    }
}
