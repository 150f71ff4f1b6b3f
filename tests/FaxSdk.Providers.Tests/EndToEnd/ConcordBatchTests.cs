using System.Collections.Concurrent;
using FaxSdk.Concord;
using FaxSdk.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FaxSdk.Providers.Tests.EndToEnd;

public class ConcordBatchTests
{
    [Fact]
    public async Task A_batch_of_2500_ids_resolves_in_25_calls_in_the_order_asked()
    {
        var recorder = new RecordingHandler();
        await using var fixture = await EmulatorFixture.StartAsync(extra: (fax, emulator) => fax.AddConcord("counted", o =>
        {
            o.BaseAddress = emulator.ConcordEndpoint;
            o.UserId = emulator.Credentials.ConcordUserId;
            o.AccessToken = emulator.Credentials.ConcordAccessToken;
        }).AddHttpMessageHandler(() => recorder));
        var ids = Enumerable.Range(0, 2500).Select(i => $"br{i:D10}").ToList();
        foreach (var id in ids.Where((_, i) => i % 10 == 0))
        {
            fixture.Emulator.AddJob(EmulatedJob.Fails("concord", id, FaxFailureCategory.Busy, TimeSpan.Zero));
        }

        var concord = (IFaxBatchStatusProvider)fixture.Resolver.GetProvider("concord", "counted");
        var statuses = await concord.GetStatusesAsync([.. ids.Select(id => new FaxJobReference("concord", id, "counted"))]);

        Assert.Equal(25, recorder.Sent.Count);
        Assert.Equal(ids, statuses.Select(s => s.JobId));
        Assert.All(statuses.Where((_, i) => i % 10 == 0), s => Assert.Equal(FaxJobState.Failed, s.State));
        Assert.All(statuses.Where((_, i) => i % 10 != 0), s => Assert.Equal(FaxJobState.Unknown, s.State));
        Assert.Equal(25, recorder.Sent.Select(r => r.Headers["x-ch-request-id"]).Distinct().Count());
    }

    [Fact]
    public async Task Soap_transport_gives_the_same_answers_as_json()
    {
        await using var fixture = await EmulatorFixture.StartAsync(extra: (fax, emulator) => fax.AddConcord("soap", o =>
        {
            o.BaseAddress = emulator.ConcordEndpoint;
            o.UserId = emulator.Credentials.ConcordUserId;
            o.AccessToken = emulator.Credentials.ConcordAccessToken;
            o.Transport = ConcordTransport.Soap;
        }));
        var jobs = fixture.Emulator.SeedDefaultJobs().Where(j => j.Provider == "concord").ToList();
        fixture.Clock.Advance(TimeSpan.FromSeconds(4)); // delivered at 4 s, failed at 3 s, the retry still running
        var references = jobs.Select(j => new FaxJobReference("concord", j.JobId)).Append(new FaxJobReference("concord", "JRI-missing")).ToList();

        var json = await ((IFaxBatchStatusProvider)fixture.Resolver.GetProvider("concord")).GetStatusesAsync(references);
        var soap = await ((IFaxBatchStatusProvider)fixture.Resolver.GetProvider("concord", "soap")).GetStatusesAsync(references);

        Assert.Equal(json, soap);
        Assert.Equal([FaxJobState.Succeeded, FaxJobState.Failed, FaxJobState.InProgress, FaxJobState.Unknown], soap.Select(s => s.State));
    }

    [Fact]
    public async Task An_id_soap_cannot_carry_fails_alone_and_the_batch_keeps_the_good_results()
    {
        await using var fixture = await EmulatorFixture.StartAsync(extra: (fax, emulator) => fax.AddConcord("soap", o =>
        {
            o.BaseAddress = emulator.ConcordEndpoint;
            o.UserId = emulator.Credentials.ConcordUserId;
            o.AccessToken = emulator.Credentials.ConcordAccessToken;
            o.Transport = ConcordTransport.Soap;
        }));
        var good = fixture.Emulator.AddJob(EmulatedJob.Succeeds("concord", "br-good-1", step: TimeSpan.Zero));
        var unwritable = new FaxJobReference("concord", "br\uFFFFbad", "soap");
        var references = new[] { new FaxJobReference("concord", good.JobId, "soap"), unwritable };
        var provider = (IFaxBatchStatusProvider)fixture.Resolver.GetProvider("concord", "soap");

        var results = await provider.GetStatusResultsAsync(references);
        var statuses = await provider.GetStatusesAsync(references);
        var viaClient = await fixture.Services.GetRequiredService<FaxStatusClient>().GetStatusesAsync(references);

        Assert.Equal(FaxJobState.Succeeded, results[0].Status!.State);
        Assert.Contains("cannot be written", results[1].Error!.Message, StringComparison.Ordinal);
        Assert.Equal([FaxJobState.Succeeded, FaxJobState.Unknown], statuses.Select(s => s.State));
        Assert.True(viaClient[0].IsSuccess);
        Assert.False(viaClient[1].IsSuccess);
        Assert.DoesNotContain(fixture.Emulator.Requests, r => r.RawTarget.Contains("bad", StringComparison.Ordinal));
        await Assert.ThrowsAsync<FaxSdkException>(() => provider.GetStatusAsync(unwritable));
    }

    [Fact]
    public async Task Deprecated_pin_works_and_warns_once_and_wrong_credentials_are_typed_errors()
    {
        var logs = new ConcurrentQueue<(LogLevel Level, string Message)>();
        await using var fixture = await EmulatorFixture.StartAsync(extra: (fax, emulator) =>
        {
            fax.Services.AddLogging(b => b.AddProvider(new ListLoggerProvider(logs)));
            fax.AddConcord("pin", o => { o.BaseAddress = emulator.ConcordEndpoint; o.UserId = emulator.Credentials.ConcordUserId; o.Pin = emulator.Credentials.ConcordPin; });
            fax.AddConcord("badpin", o => { o.BaseAddress = emulator.ConcordEndpoint; o.UserId = emulator.Credentials.ConcordUserId; o.Pin = "0000"; });
            fax.AddConcord("badtoken", o => { o.BaseAddress = emulator.ConcordEndpoint; o.UserId = emulator.Credentials.ConcordUserId; o.AccessToken = "nope"; });
        });
        var job = fixture.Emulator.AddJob(EmulatedJob.Succeeds("concord", "br1", step: TimeSpan.Zero));

        var first = await fixture.StatusAsync(job, "pin");
        await fixture.StatusAsync(job, "pin");
        var badPin = await Assert.ThrowsAsync<ConcordServiceException>(() => fixture.StatusAsync(job, "badpin"));
        var badToken = await Assert.ThrowsAsync<FaxAuthenticationException>(() => fixture.StatusAsync(job, "badtoken"));
        var notFound = await Assert.ThrowsAsync<FaxJobNotFoundException>(() =>
            fixture.Resolver.GetProvider("concord").GetStatusAsync(new FaxJobReference("concord", "br404")));

        Assert.Equal(FaxJobState.Succeeded, first.State);
        Assert.Single(logs, l => l.Level == LogLevel.Warning && l.Message.Contains("'pin'", StringComparison.Ordinal) && l.Message.Contains("deprecated", StringComparison.Ordinal));
        Assert.DoesNotContain(logs, l => l.Message.Contains(fixture.Emulator.Credentials.ConcordPin, StringComparison.Ordinal));
        Assert.Equal((-1002, "Invalid UserID or PIN"), (badPin.ErrorCode, badPin.ErrorString));
        Assert.DoesNotContain("0000", badPin.ToString(), StringComparison.Ordinal);
        Assert.NotNull(badToken.RequestId); // x-ch-activity-id
        Assert.Equal("br404", notFound.JobId);
    }

    private sealed class ListLoggerProvider(ConcurrentQueue<(LogLevel, string)> logs) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new ListLogger(logs);

        public void Dispose()
        {
        }
    }

    private sealed class ListLogger(ConcurrentQueue<(LogLevel, string)> logs) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            logs.Enqueue((logLevel, formatter(state, exception)));
    }
}
