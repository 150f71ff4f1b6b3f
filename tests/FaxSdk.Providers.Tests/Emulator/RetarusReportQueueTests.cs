using FaxSdk.Testing;
using FaxSdk.Testing.Providers;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace FaxSdk.Providers.Tests.Emulator;

/// <summary>
/// The Retarus report queue against the rule it replaces: a scan of every job, keeping those complete now and not
/// deleted, oldest completion first, then job id.
/// </summary>
public sealed class RetarusReportQueueTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);

    /// <summary>The rule the emulator used before the queue: a full scan and sort per listing.</summary>
    private static List<string> Scan(IEnumerable<EmulatedJobRun> runs, ISet<string> deleted, DateTimeOffset now, int max) =>
    [
        .. runs.Where(r => !deleted.Contains(r.Job.JobId) && r.Job.Recipients.All(p => p.At(now - r.AddedAt).Step.IsFinal))
            .OrderBy(r => r.TimeOf(r.Job.Duration))
            .ThenBy(r => r.Job.JobId, StringComparer.Ordinal)
            .Take(max)
            .Select(r => r.Job.JobId),
    ];

    private static EmulatedJobRun Run(EmulatedJob job, TimeSpan addedAfter) => new(job, Start + addedAfter);

    [Fact]
    public void Reports_are_listed_oldest_completion_first_then_by_job_id()
    {
        var queue = new RetarusReportQueue();
        var s = TimeSpan.FromSeconds(1);
        queue.Add(Run(EmulatedJob.Succeeds("retarus", "FJ-LATE", step: s), TimeSpan.Zero)); // complete at 4 s
        queue.Add(Run(EmulatedJob.Fails("retarus", "FJ-B", FaxFailureCategory.Busy, s), TimeSpan.Zero)); // complete at 3 s
        queue.Add(Run(EmulatedJob.Fails("retarus", "FJ-A", FaxFailureCategory.Busy, s), TimeSpan.Zero)); // complete at 3 s
        queue.Add(Run(EmulatedJob.Succeeds("retarus", "FJ-EARLY", step: s), -2 * s)); // complete at 2 s

        Assert.Equal(["FJ-EARLY"], Ids(queue.Page(Start + (2 * s), 10)));
        Assert.Equal(["FJ-EARLY", "FJ-A", "FJ-B"], Ids(queue.Page(Start + (3 * s), 10)));
        Assert.Equal(["FJ-EARLY", "FJ-A", "FJ-B", "FJ-LATE"], Ids(queue.Page(Start + (4 * s), 10)));
        Assert.Equal(4, queue.ReadyCount);
    }

    [Fact]
    public void A_listing_is_a_page_of_the_oldest_and_deleting_a_page_brings_the_next()
    {
        var queue = new RetarusReportQueue();
        var ids = Enumerable.Range(0, 2500).Select(i => $"FJ{i:D5}").ToList();
        foreach (var (id, i) in ids.Select((id, i) => (id, i)))
        {
            // Added newest first: the order must come from completion time, not from insertion.
            queue.Add(Run(EmulatedJob.Succeeds("retarus", id, step: TimeSpan.Zero), TimeSpan.FromMilliseconds(2500 - i)));
        }

        var now = Start + TimeSpan.FromHours(1);
        var expected = ids.AsEnumerable().Reverse().ToList();
        var pages = new List<List<string>>();
        for (var page = Ids(queue.Page(now, 1000)); page.Count > 0; page = Ids(queue.Page(now, 1000)))
        {
            Assert.Equal(page, Ids(queue.Page(now, 1000))); // reading deletes nothing
            pages.Add(page);
            page.ForEach(queue.Remove);
        }

        Assert.Equal([1000, 1000, 500], pages.Select(p => p.Count));
        Assert.Equal(expected, pages.SelectMany(p => p));
        Assert.Equal(0, queue.ReadyCount);
    }

    [Fact]
    public void A_report_deleted_before_it_is_due_never_appears_and_a_job_that_never_ends_is_never_listed()
    {
        var queue = new RetarusReportQueue();
        var s = TimeSpan.FromSeconds(1);
        queue.Add(Run(EmulatedJob.Succeeds("retarus", "FJ-GONE", step: s), TimeSpan.Zero));
        queue.Add(Run(EmulatedJob.Succeeds("retarus", "FJ-KEPT", step: s), TimeSpan.Zero));
        queue.Add(Run(new EmulatedJob("retarus", "FJ-NEVER", [new EmulatedRecipient("+15550100", [new(TimeSpan.Zero, EmulatedPhase.Queued), new(s, EmulatedPhase.Dialing)])]), TimeSpan.Zero));

        Assert.Empty(queue.Page(Start, 10));
        queue.Remove("FJ-GONE");
        queue.Remove("FJ-UNKNOWN");

        Assert.Equal(["FJ-KEPT"], Ids(queue.Page(Start + TimeSpan.FromDays(1), 10)));
    }

    [Fact]
    public void A_script_that_leaves_a_final_phase_is_listed_only_while_final_as_the_scan_did()
    {
        var queue = new RetarusReportQueue();
        var s = TimeSpan.FromSeconds(1);
        var run = Run(new EmulatedJob("retarus", "FJ-ODD", [new EmulatedRecipient("+15550100",
            [new(TimeSpan.Zero, EmulatedPhase.Queued), new(s, EmulatedPhase.Failed, FaxFailureCategory.Busy), new(2 * s, EmulatedPhase.Dialing), new(3 * s, EmulatedPhase.Delivered)])]), TimeSpan.Zero);
        queue.Add(run);
        var none = new HashSet<string>();

        foreach (var at in new[] { 0, 1, 2, 3, 1, 0 })
        {
            var now = Start + (at * s);
            Assert.Equal(Scan([run], none, now, 10), Ids(queue.Page(now, 10)));
        }
    }

    /// <summary>Random scripts (any phases, ties, final steps followed by others), added at random times, listed and
    /// deleted at random moments (the clock also goes back): every listing equals the scan's.</summary>
    [Property(MaxTest = 300)]
    public Property Every_listing_equals_the_full_scan() => Prop.ForAll(Scenarios().ToArbitrary(), scenario =>
    {
        var queue = new RetarusReportQueue();
        scenario.Runs.ForEach(queue.Add);
        var deleted = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (at, max, delete) in scenario.Steps)
        {
            var now = Start + TimeSpan.FromSeconds(at);
            var expected = Scan(scenario.Runs, deleted, now, max);
            var actual = Ids(queue.Page(now, max));
            if (!expected.SequenceEqual(actual))
            {
                return false;
            }

            foreach (var index in delete)
            {
                var id = scenario.Runs[index % scenario.Runs.Count].Job.JobId;
                deleted.Add(id);
                queue.Remove(id);
            }
        }

        return true;
    });

    private static List<string> Ids(List<EmulatedJobRun> runs) => [.. runs.Select(r => r.Job.JobId)];

    private sealed record Scenario(List<EmulatedJobRun> Runs, List<(int At, int Max, int[] Delete)> Steps)
    {
        public override string ToString() =>
            $"{string.Join("; ", Runs.Select(r => $"{r.Job.JobId}@{(r.AddedAt - Start).TotalSeconds}:[{string.Join(" | ", r.Job.Recipients.Select(p => string.Join(",", p.Steps.Select(x => $"{x.At.TotalSeconds}{x.Phase}"))))}]"))} / " +
            string.Join("; ", Steps.Select(x => $"t={x.At} max={x.Max} del=[{string.Join(",", x.Delete)}]"));
    }

    private static Gen<Scenario> Scenarios()
    {
        var step = from at in Gen.Choose(0, 5)
                   from phase in Gen.Elements(Enum.GetValues<EmulatedPhase>())
                   select (At: at, Phase: phase);
        var recipient = from n in Gen.Choose(1, 4)
                        from steps in Gen.ListOf(step, n)
                        select new EmulatedRecipient("+15550100", [.. steps.OrderBy(x => x.At).Select(x => new EmulatedStep(TimeSpan.FromSeconds(x.At), x.Phase, FaxFailureCategory.Busy))]);
        var job = from index in Gen.Choose(0, 1000)
                  from n in Gen.Choose(1, 3)
                  from recipients in Gen.ListOf(recipient, n)
                  from added in Gen.Choose(-3, 3)
                  select (Index: index, Recipients: recipients, Added: added);
        var listing = from at in Gen.Choose(-4, 12)
                      from max in Gen.Choose(1, 6)
                      from n in Gen.Choose(0, 2)
                      from deletions in Gen.ArrayOf(Gen.Choose(0, 1000), n)
                      select (At: at, Max: max, Delete: deletions);
        return from count in Gen.Choose(1, 12)
               from jobs in Gen.ListOf(job, count)
               from listings in Gen.Choose(1, 8)
               from steps in Gen.ListOf(listing, listings)
               select new Scenario(
                   [.. jobs.Select((j, i) => Run(new EmulatedJob("retarus", $"FJ{j.Index % 7:D2}-{i:D2}", j.Recipients), TimeSpan.FromSeconds(j.Added)))],
                   [.. steps]);
    }
}
