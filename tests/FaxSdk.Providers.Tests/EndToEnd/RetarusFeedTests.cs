using System.Net;
using FaxSdk.Retarus;
using FaxSdk.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace FaxSdk.Providers.Tests.EndToEnd;

public class RetarusFeedTests
{
    private static void AddRetarus(IFaxSdkBuilder fax, FaxEmulator emulator, string instance, Func<HttpRequestMessage, int, HttpStatusCode?>? fail, int attempts = 3) =>
        fax.AddRetarus(instance, o =>
        {
            o.DataCenters = new Dictionary<string, Uri>(emulator.RetarusDataCenters);
            o.CustomerNumber = emulator.Credentials.RetarusCustomerNumber;
            o.Username = emulator.Credentials.RetarusUsername;
            o.Password = emulator.Credentials.RetarusPassword;
            o.MaxDeleteAttempts = attempts;
            o.Resilience.Enabled = false; // these tests exercise the provider's own deletion retries, not the HTTP pipeline's
        }).AddHttpMessageHandler(() => new RecordingHandler(fail));

    [Fact]
    public async Task Status_is_found_on_either_data_centre_and_no_report_yet_is_pending()
    {
        await using var fixture = await EmulatorFixture.StartAsync();
        var onDe2 = fixture.Emulator.AddJob(EmulatedJob.Fails("retarus", "FJ-DE2", FaxFailureCategory.Busy) with { DataCenters = ["DE2"] });

        var early = await fixture.StatusAsync(onDe2);
        fixture.Clock.Advance(onDe2.Duration);
        var done = await fixture.StatusAsync(onDe2);

        Assert.Equal(FaxJobState.Pending, early.State);
        Assert.Contains("No report yet", early.Detail, StringComparison.Ordinal);
        Assert.Equal(FaxJobState.Failed, done.State);
        Assert.Equal(FaxFailureCategory.Busy, done.Error!.Category);
        Assert.Contains(fixture.Emulator.Requests, r => r.RawTarget.Contains("/retarus/DE1/", StringComparison.Ordinal));
        Assert.Contains(fixture.Emulator.Requests, r => r.RawTarget.Contains("/retarus/DE2/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_job_on_both_data_centres_is_handed_over_once_and_deleted_on_both()
    {
        await using var fixture = await EmulatorFixture.StartAsync();
        fixture.Emulator.AddJob(EmulatedJob.Succeeds("retarus", "FJ-BOTH", step: TimeSpan.Zero) with { DataCenters = ["DE1", "DE2"] });
        fixture.Emulator.AddJob(EmulatedJob.Succeeds("retarus", "FJ-ONE", step: TimeSpan.Zero));
        var feed = (IFaxReportFeedProvider)fixture.Resolver.GetProvider("retarus");

        var reports = await feed.ReadReportsAsync().ToListAsync();
        Assert.Empty(fixture.Emulator.RetarusDeletedReports); // reading deletes nothing
        await feed.AcknowledgeAsync(reports);

        Assert.Equal(["FJ-BOTH", "FJ-ONE"], reports.Select(r => r.Status.JobId).Order());
        Assert.Equal(["DE1", "DE2"], reports.Single(r => r.Status.JobId == "FJ-BOTH").Locations.Order());
        Assert.Equal([("DE1", "FJ-BOTH"), ("DE1", "FJ-ONE"), ("DE2", "FJ-BOTH")], fixture.Emulator.RetarusDeletedReports.Order());
        Assert.Empty(await feed.ReadReportsAsync().ToListAsync());
    }

    [Fact]
    public async Task Failed_deletions_are_retried_and_persistent_failures_are_reported_not_dropped()
    {
        await using var fixture = await EmulatorFixture.StartAsync(extra: (fax, emulator) =>
        {
            // The first two bulk deletions fail with 503; then they work.
            AddRetarus(fax, emulator, "flaky", (request, _) => request.Method == HttpMethod.Post && Interlocked.Increment(ref _flakyFailures) <= 2 ? HttpStatusCode.ServiceUnavailable : null);
            AddRetarus(fax, emulator, "broken", (request, _) => request.Method != HttpMethod.Get ? HttpStatusCode.InternalServerError : null, attempts: 2);
        });
        foreach (var id in new[] { "FJ-A", "FJ-B", "FJ-C" })
        {
            fixture.Emulator.AddJob(EmulatedJob.Succeeds("retarus", id, step: TimeSpan.Zero));
        }

        var broken = (IFaxReportFeedProvider)fixture.Resolver.GetProvider("retarus", "broken");
        var read = await broken.ReadReportsAsync().ToListAsync();
        var failure = await Assert.ThrowsAsync<FaxSdkException>(() => broken.AcknowledgeAsync(read));
        var readAgain = await broken.ReadReportsAsync().ToListAsync();

        Assert.Contains("could not be deleted after 2 attempt(s)", failure.Message, StringComparison.Ordinal);
        Assert.Contains("will be read again", failure.Message, StringComparison.Ordinal);
        Assert.Empty(fixture.Emulator.RetarusDeletedReports);
        Assert.Equal(read.Select(r => r.Status.JobId), readAgain.Select(r => r.Status.JobId));

        var flaky = (IFaxReportFeedProvider)fixture.Resolver.GetProvider("retarus", "flaky");
        await flaky.AcknowledgeAsync(await flaky.ReadReportsAsync().ToListAsync());

        Assert.Equal(3, fixture.Emulator.RetarusDeletedReports.Count);
        Assert.Empty(await flaky.ReadReportsAsync().ToListAsync());
    }

    private static int _flakyFailures;

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public async Task A_consumer_that_crashes_at_random_loses_nothing_and_deletes_only_what_it_acknowledged(int seed)
    {
        await using var fixture = await EmulatorFixture.StartAsync();
        var expected = new HashSet<(string DataCenter, string JobId)>();
        for (var i = 0; i < 2550; i++)
        {
            // 1,300 on DE1, 1,200 on DE2, 50 on both: more than one 1,000-report page per data centre.
            string[] dataCenters = i < 1300 ? ["DE1"] : i < 2500 ? ["DE2"] : ["DE1", "DE2"];
            var job = fixture.Emulator.AddJob(EmulatedJob.Succeeds("retarus", $"FJ{i:D6}", step: TimeSpan.Zero) with { DataCenters = dataCenters });
            foreach (var dc in dataCenters)
            {
                expected.Add((dc, job.JobId));
            }
        }

        var random = new Random(seed);
        var processed = new Dictionary<string, int>(StringComparer.Ordinal);
        var acknowledged = new HashSet<(string, string)>();
        var crashes = 0;
        for (var round = 0; round < 500; round++)
        {
            // Each round is a fresh process: a new provider object, no memory of the last one.
            var feed = (IFaxReportFeedProvider)fixture.Resolver.GetProvider("retarus");
            var pending = new List<FaxReport>();
            var received = 0;
            var crashed = false;
            await foreach (var report in feed.ReadReportsAsync())
            {
                received++;
                processed[report.Status.JobId] = processed.GetValueOrDefault(report.Status.JobId) + 1;
                pending.Add(report);
                if (random.NextDouble() < 0.004)
                {
                    crashed = true; // dies between receiving and acknowledging
                    crashes++;
                    break;
                }

                if (pending.Count == 100)
                {
                    await Acknowledge(feed, pending);
                }
            }

            if (!crashed)
            {
                await Acknowledge(feed, pending);
                if (received == 0)
                {
                    break;
                }
            }

            // Deleted only when acknowledged, never before.
            Assert.Subset(acknowledged, fixture.Emulator.RetarusDeletedReports.ToHashSet());
        }

        Assert.True(crashes > 0, "the test should have crashed the consumer at least once");
        Assert.Equal(2550, processed.Count); // every report processed at least once: none lost
        Assert.Equal(expected, fixture.Emulator.RetarusDeletedReports.ToHashSet());
        Assert.Equal(expected.Count, fixture.Emulator.RetarusDeletedReports.Count); // each deleted exactly once
        Assert.Equal(expected, acknowledged);

        async Task Acknowledge(IFaxReportFeedProvider feed, List<FaxReport> reports)
        {
            await feed.AcknowledgeAsync(reports);
            acknowledged.UnionWith(reports.SelectMany(r => r.Locations.Select(l => (l, r.Status.JobId))));
            reports.Clear();
        }
    }
}
