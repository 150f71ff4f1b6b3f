using FaxSdk.Testing;

namespace FaxSdk.Providers.Tests.EndToEnd;

/// <summary>Every seeded lifecycle, through the real clients over loopback, on a fake clock.</summary>
public class LifecycleTests
{
    public static TheoryData<string> DefaultJobIds { get; } = new(FaxEmulator.DefaultJobs().Select(j => j.Provider + "|" + j.JobId));

    [Theory]
    [MemberData(nameof(DefaultJobIds))]
    public async Task Every_seeded_job_reaches_its_expected_final_state_and_never_goes_back(string key)
    {
        await using var fixture = await EmulatorFixture.StartAsync();
        var job = fixture.Emulator.SeedDefaultJobs().Single(j => j.Provider + "|" + j.JobId == key);

        var first = await fixture.StatusAsync(job);
        Assert.False(first.IsTerminal);
        Assert.Equal(job.JobId, first.JobId);
        Assert.Equal(job.Provider, first.Provider);

        var sawTerminal = false;
        var states = new List<FaxJobState> { first.State };
        for (var t = TimeSpan.Zero; t <= job.Duration + TimeSpan.FromSeconds(1); t += TimeSpan.FromMilliseconds(500))
        {
            fixture.Clock.Advance(TimeSpan.FromMilliseconds(500));
            var status = await fixture.StatusAsync(job);
            states.Add(status.State);
            Assert.False(sawTerminal && !status.IsTerminal, $"went back from terminal: {string.Join(" → ", states)}");
            sawTerminal |= status.IsTerminal;
        }

        var final = await fixture.StatusAsync(job);
        Assert.True(final.IsTerminal, string.Join(" → ", states));
        Assert.Equal(job.ExpectedFinalState, final.State);
        Assert.Equal(job.IsTest, final.IsTest);
        if (final.State == FaxJobState.Failed)
        {
            Assert.NotNull(final.Error);
        }
    }

    [Fact]
    public async Task Phaxio_retry_is_reported_then_delivery_with_the_attempts_counted()
    {
        await using var fixture = await EmulatorFixture.StartAsync();
        var job = fixture.Emulator.AddJob(EmulatedJob.RetriesThenSucceeds("phaxio", "777", FaxFailureCategory.NoAnswer));

        var created = await fixture.StatusAsync(job);
        fixture.Clock.Advance(TimeSpan.FromSeconds(2.5));
        var retrying = await fixture.StatusAsync(job);
        fixture.Clock.Advance(TimeSpan.FromSeconds(5));
        var done = await fixture.StatusAsync(job);

        Assert.Equal(FaxRecipientState.Pending, created.Recipients[0].State);
        Assert.Null(created.Recipients[0].ProviderStatus);
        Assert.Equal(FaxJobState.InProgress, retrying.State);
        Assert.Equal(FaxRecipientState.RetryScheduled, retrying.Recipients[0].State);
        Assert.Equal(FaxFailureCategory.NoAnswer, retrying.Recipients[0].Error!.Category);
        Assert.Equal(FaxJobState.Succeeded, done.State);
        Assert.Equal(2, done.Recipients[0].Attempts);
        Assert.NotNull(done.CompletedAt);
    }

    [Theory]
    [InlineData("phaxio", FaxFailureCategory.Busy)]
    [InlineData("phaxio", FaxFailureCategory.NoAnswer)]
    [InlineData("phaxio", FaxFailureCategory.InvalidNumber)]
    [InlineData("phaxio", FaxFailureCategory.Rejected)]
    [InlineData("phaxio", FaxFailureCategory.NetworkError)]
    [InlineData("phaxio", FaxFailureCategory.IncompatibleDestination)]
    [InlineData("phaxio", FaxFailureCategory.TransmissionError)]
    [InlineData("phaxio", FaxFailureCategory.DocumentError)]
    [InlineData("phaxio", FaxFailureCategory.ProviderError)]
    [InlineData("stonefax", FaxFailureCategory.Busy)]
    [InlineData("stonefax", FaxFailureCategory.NoAnswer)]
    [InlineData("stonefax", FaxFailureCategory.InvalidNumber)]
    [InlineData("stonefax", FaxFailureCategory.Rejected)]
    [InlineData("stonefax", FaxFailureCategory.NetworkError)]
    [InlineData("stonefax", FaxFailureCategory.IncompatibleDestination)]
    [InlineData("stonefax", FaxFailureCategory.TransmissionError)]
    public async Task Failure_categories_the_provider_can_express_survive_the_round_trip(string provider, FaxFailureCategory category)
    {
        await using var fixture = await EmulatorFixture.StartAsync();
        var job = fixture.Emulator.AddJob(EmulatedJob.Fails(provider, "fail-" + category, category));
        fixture.Clock.Advance(job.Duration);

        var status = await fixture.StatusAsync(job);

        Assert.Equal(FaxJobState.Failed, status.State);
        Assert.Equal(category, status.Error!.Category);
        Assert.Equal(category, status.Recipients.Single().Error!.Category);
        Assert.Equal(category.IsRetryable(), status.Error.IsRetryable);
    }

    [Fact]
    public async Task Pantarey_pauses_then_finishes_and_finished_with_a_failed_recipient_is_partial()
    {
        await using var fixture = await EmulatorFixture.StartAsync();
        var paused = fixture.Emulator.AddJob(EmulatedJob.PausedThenSucceeds("pantarey", "p-1"));
        var partial = fixture.Emulator.AddJob(EmulatedJob.PartiallySucceeds("pantarey", "p-2"));

        fixture.Clock.Advance(TimeSpan.FromSeconds(2));
        var halted = await fixture.StatusAsync(paused);
        fixture.Clock.Advance(TimeSpan.FromSeconds(5));
        var finished = await fixture.StatusAsync(partial);

        Assert.Equal(FaxJobState.Paused, halted.State);
        Assert.Equal("halted", halted.ProviderStatus);
        Assert.False(halted.IsTerminal);
        Assert.Equal("finished", finished.ProviderStatus);
        Assert.Equal(FaxJobState.PartiallySucceeded, finished.State);
        Assert.Equal([FaxRecipientState.Succeeded, FaxRecipientState.Failed], finished.Recipients.Select(r => r.State));
    }

    [Fact]
    public async Task StoneFax_times_are_read_in_the_server_time_zone()
    {
        var zone = TimeZoneInfo.CreateCustomTimeZone("Emulated+2", TimeSpan.FromHours(2), "Emulated+2", "Emulated+2");
        await using var fixture = await EmulatorFixture.StartAsync(new FaxEmulatorOptions { StoneFaxServerTimeZone = zone, StoneFaxUnwrapped = true });
        var added = fixture.Clock.GetUtcNow();
        var job = fixture.Emulator.AddJob(EmulatedJob.Succeeds("stonefax", "IAS-N1_tz_0"));
        fixture.Clock.Advance(job.Duration);

        var status = await fixture.StatusAsync(job);

        Assert.Equal(added, status.SubmittedAt);
        Assert.Equal(added + job.Duration, status.CompletedAt);
        Assert.Equal(TimeSpan.FromHours(2), status.CompletedAt!.Value.Offset);
        Assert.Equal("Front desk", status.Recipients.Single().Name);
    }
}
