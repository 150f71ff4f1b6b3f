namespace FaxSdk.Fuzz.Tests;

/// <summary>
/// Every public parser of every provider, fed mutated fixtures for a bounded time (<see cref="FuzzSettings"/>): it
/// returns statuses that keep the model's invariants or throws a <see cref="FaxSdkException"/> subtype, within its time
/// budget and allocation bound. A failure prints a minimal reproducer per broken promise.
/// </summary>
public class ParserFuzzTests
{
    public static TheoryData<string> Providers() => ["concord", "stonefax", "phaxio", "pantarey", "retarus"];

    [Theory]
    [MemberData(nameof(Providers))]
    public void Every_parser_keeps_its_promise_on_mutated_fixtures(string provider)
    {
        var seeds = Seeds.Of(provider);
        Assert.NotEmpty(seeds);

        var failures = FuzzHarness.Run(FuzzTargets.For(provider), seeds, Seeds.Except(provider), FuzzSettings.PerProvider, FuzzSettings.Seed);

        Assert.True(failures.Count == 0, $"{failures.Count} broken promise(s) in {provider}'s parsers:\n" + string.Join("\n", failures));
    }
}
