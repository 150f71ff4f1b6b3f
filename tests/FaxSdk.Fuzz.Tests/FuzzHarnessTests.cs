using System.Text;

namespace FaxSdk.Fuzz.Tests;

/// <summary>The harness itself finds, judges and shrinks failures.</summary>
public class FuzzHarnessTests
{
    private static readonly byte[] Seed = Encoding.UTF8.GetBytes("""{"id":"1","status":"ok","recipients":[{"n":"1"}]}""");

    [Fact]
    public void A_foreign_exception_is_found_and_shrunk_to_what_triggers_it()
    {
        var target = new FuzzTarget("fake", "Fake.Parse", (body, _) =>
            Encoding.UTF8.GetString(body).Contains("null", StringComparison.Ordinal) ? throw new NullReferenceException() : throw new FaxProtocolException("fake", "fake: no"));

        var failures = FuzzHarness.Run([target], [("fake/seed.json", Seed)], [], TimeSpan.FromSeconds(2), seed: 7);

        var failure = Assert.Single(failures);
        Assert.Equal("threw NullReferenceException", failure.Kind);
        Assert.Equal("null", Encoding.UTF8.GetString(failure.Input));
        Assert.Contains(Convert.ToBase64String(failure.Input), failure.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Typed_errors_and_consistent_statuses_pass()
    {
        var target = new FuzzTarget("fake", "Fake.Parse", (body, _) => body.Length % 2 == 0
            ? throw new FaxProtocolException("fake", "fake: odd")
            : [new FaxJobStatus { Provider = "fake", JobId = "1", State = FaxJobState.Failed, Error = new FaxError(FaxFailureCategory.Busy) }]);

        Assert.Null(FuzzHarness.Check(target, Seed).Kind);
        Assert.Null(FuzzHarness.Check(target, [.. Seed, 1]).Kind);
    }

    [Fact]
    public void A_broken_invariant_is_a_failure()
    {
        var target = new FuzzTarget("fake", "Fake.Parse", (_, _) =>
            [new FaxJobStatus { Provider = "fake", JobId = "1", State = FaxJobState.Failed }]);

        Assert.Equal("broke an invariant: a failed job has no error", FuzzHarness.Check(target, Seed).Kind);
    }

    [Fact]
    public void Allocating_far_beyond_the_input_is_a_failure()
    {
        var target = new FuzzTarget("fake", "Fake.Parse", (body, _) =>
        {
            var waste = new List<byte[]>();
            for (var i = 0; i < 64; i++)
            {
                waste.Add(new byte[1024 * 1024]);
            }

            return waste.Count > 0 ? [] : [];
        });

        Assert.Equal("allocated beyond its bound", FuzzHarness.Check(target, Seed).Kind);
    }

    [Fact]
    public void A_parser_that_honours_its_token_is_stopped_by_the_budget_and_reported()
    {
        var target = new FuzzTarget("fake", "Fake.Parse", (_, token) =>
        {
            token.WaitHandle.WaitOne();
            token.ThrowIfCancellationRequested();
            return [];
        });

        // A spent budget: the token is cancelled from the start, so nothing waits.
        Assert.Equal("exceeded its time budget", FuzzHarness.Check(target, Seed, TimeSpan.Zero).Kind);
    }

    [Fact]
    public void Mutations_are_reproducible_from_their_seed()
    {
        var first = Mutator.Mutate(new Random(42), Seed, [Seed], out var names);
        var again = Mutator.Mutate(new Random(42), Seed, [Seed], out var namesAgain);

        Assert.Equal(first, again);
        Assert.Equal(names, namesAgain);
    }
}
