using FaxSdk.Diagnostics;
using FaxSdk.Tests.Resilience;

namespace FaxSdk.Tests.Diagnostics;

public class FaxSdkTelemetryTests
{
    [Fact]
    public async Task Requests_and_durations_are_measured_with_their_tags_and_retries_by_Pollys_meter()
    {
        using var rig = new ResilienceRig(configure: null, ScriptedHandler.Status(503), ScriptedHandler.Ok(), ScriptedHandler.Status(404));
        using var capture = new TelemetryCapture(rig.Instance);

        await rig.SendDriven();
        await Assert.ThrowsAsync<FaxJobNotFoundException>(() => rig.SendDriven());

        var requests = capture.Of(FaxSdkDiagnostics.RequestsInstrument);
        Assert.Equal(2, requests.Count);
        Assert.All(requests, r =>
        {
            Assert.Equal(1, r.Value);
            Assert.Equal("phaxio", r.Tags[FaxSdkDiagnostics.ProviderTag]);
            Assert.Equal("GET", r.Tags[FaxSdkDiagnostics.HttpMethodTag]);
            Assert.False(r.Tags.ContainsKey(FaxSdkDiagnostics.JobIdTag)); // no per-job cardinality on metrics
        });
        Assert.Equal("success", requests[0].Tags[FaxSdkDiagnostics.OutcomeTag]);
        Assert.Equal(200, requests[0].Tags[FaxSdkDiagnostics.HttpStatusCodeTag]);
        Assert.Equal("not_found", requests[1].Tags[FaxSdkDiagnostics.OutcomeTag]);
        Assert.Equal(404, requests[1].Tags[FaxSdkDiagnostics.HttpStatusCodeTag]);

        var retry = Assert.Single(capture.Of("resilience.polly.strategy.events"), e => "OnRetry".Equals(e.Tags["event.name"]));
        Assert.Equal($"FaxSdk.phaxio.{rig.Instance}-faxsdk", retry.Tags["pipeline.name"]);
        Assert.Equal("Retry", retry.Tags["strategy.name"]);
        Assert.Equal("503", retry.Tags["error.type"]);

        var durations = capture.Of(FaxSdkDiagnostics.RequestDurationInstrument);
        Assert.Equal(2, durations.Count);
        Assert.All(durations, d => Assert.True(d.Value >= 0));
        Assert.Contains(capture.Measurements, m => m.Instrument == FaxSdkDiagnostics.RequestDurationInstrument && m.Unit == "s");
    }

    [Fact]
    public async Task Circuit_breaker_transitions_are_counted_by_Pollys_meter()
    {
        using var rig = new ResilienceRig(o => { o.MaxRetryAttempts = 0; o.CircuitBreakerMinimumThroughput = 2; }, ScriptedHandler.Status(500), ScriptedHandler.Status(500), ScriptedHandler.Ok());
        using var capture = new TelemetryCapture(rig.Instance);

        await Assert.ThrowsAsync<FaxProviderUnavailableException>(() => rig.Send());
        await Assert.ThrowsAsync<FaxProviderUnavailableException>(() => rig.Send());
        var open = await Assert.ThrowsAsync<FaxProviderUnavailableException>(() => rig.Send());
        rig.Clock.Advance(TimeSpan.FromSeconds(15));
        await rig.Send();

        Assert.Equal(
            ["OnCircuitOpened", "OnCircuitHalfOpened", "OnCircuitClosed"],
            capture.Of("resilience.polly.strategy.events").Where(m => m.Tags.TryGetValue("strategy.name", out var strategy) && "CircuitBreaker".Equals(strategy)).Select(m => m.Tags["event.name"]));
        Assert.Contains(capture.Of(FaxSdkDiagnostics.RequestsInstrument), r => "unavailable".Equals(r.Tags[FaxSdkDiagnostics.OutcomeTag]) && !r.Tags.ContainsKey(FaxSdkDiagnostics.HttpStatusCodeTag));
    }

    [Fact]
    public void Job_state_transitions_are_counted_with_json_state_names()
    {
        var instance = $"transitions-{Guid.NewGuid():N}";
        using var capture = new TelemetryCapture(instance);

        FaxSdkTelemetry.RecordStateTransition("phaxio", instance, FaxJobState.Pending, FaxJobState.InProgress);
        FaxSdkTelemetry.RecordStateTransition("phaxio", instance, FaxJobState.InProgress, FaxJobState.PartiallySucceeded);

        var transitions = capture.Of(FaxSdkDiagnostics.JobStateTransitionsInstrument);
        Assert.Equal(
            [("pending", "inProgress"), ("inProgress", "partiallySucceeded")],
            transitions.Select(t => ((string)t.Tags[FaxSdkDiagnostics.JobStateFromTag]!, (string)t.Tags[FaxSdkDiagnostics.JobStateToTag]!)));
        Assert.All(transitions, t => Assert.Equal("phaxio", t.Tags[FaxSdkDiagnostics.ProviderTag]));
    }

    [Fact]
    public async Task Each_request_is_one_activity_with_job_and_retry_details_and_no_url()
    {
        using var rig = new ResilienceRig(configure: null, ScriptedHandler.Throws(new HttpRequestException("boom")), ScriptedHandler.Ok());
        using var capture = new TelemetryCapture(rig.Instance);

        await rig.SendDriven();

        var activity = Assert.Single(capture.Activities);
        Assert.Equal(FaxSdkDiagnostics.RequestActivityName, activity.OperationName);
        Assert.Equal(System.Diagnostics.ActivityKind.Client, activity.Kind);
        Assert.Equal("phaxio", activity.GetTagItem(FaxSdkDiagnostics.ProviderTag));
        Assert.Equal("1", activity.GetTagItem(FaxSdkDiagnostics.JobIdTag));
        Assert.Equal(200, activity.GetTagItem(FaxSdkDiagnostics.HttpStatusCodeTag));
        Assert.Equal("success", activity.GetTagItem(FaxSdkDiagnostics.OutcomeTag));
        Assert.Equal("api.example.com", activity.GetTagItem("server.address"));
        var retry = Assert.Single(activity.Events);
        Assert.Equal(FaxSdkDiagnostics.RetryEventName, retry.Name);
        Assert.Contains(retry.Tags, t => t.Key == FaxSdkDiagnostics.RetryReasonTag && "HttpRequestException".Equals(t.Value));
        Assert.DoesNotContain(activity.TagObjects, t => t.Value?.ToString()?.Contains("://", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task A_failed_request_activity_has_error_status_and_type()
    {
        using var rig = new ResilienceRig(o => o.MaxRetryAttempts = 0, ScriptedHandler.Status(401));
        using var capture = new TelemetryCapture(rig.Instance);

        await Assert.ThrowsAsync<FaxAuthenticationException>(() => rig.Send());

        var activity = Assert.Single(capture.Activities);
        Assert.Equal(System.Diagnostics.ActivityStatusCode.Error, activity.Status);
        Assert.Equal("unauthorized", activity.GetTagItem(FaxSdkDiagnostics.OutcomeTag));
        Assert.Equal(typeof(FaxAuthenticationException).FullName, activity.GetTagItem(FaxSdkDiagnostics.ErrorTypeTag));
    }
}
