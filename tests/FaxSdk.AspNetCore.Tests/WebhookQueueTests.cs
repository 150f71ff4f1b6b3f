using System.Diagnostics.Metrics;
using System.Net;
using FaxSdk.Diagnostics;

namespace FaxSdk.AspNetCore.Tests;

public class WebhookQueueTests
{
    [Fact]
    public async Task Stopping_the_host_still_hands_every_queued_push_to_the_inbox()
    {
        var receiver = new FakeReceiver();
        var host = await WebhookHost.StartAsync(WebhookHost.Register(receiver));
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        host.Inbox.StatusPushed += (_, _) =>
        {
            entered.TrySetResult();
            release.Task.Wait(TimeSpan.FromSeconds(30));
        };
        for (var i = 1; i <= 3; i++)
        {
            using var push = WebhookHost.SignedPush(receiver, $"{i}", "Succeeded");
            Assert.Equal(HttpStatusCode.Accepted, (await host.Client.SendAsync(push)).StatusCode);
        }

        await entered.Task.WaitAsync(TimeSpan.FromSeconds(30));
        var disposing = host.DisposeAsync().AsTask();
        Assert.False(disposing.IsCompleted);
        release.SetResult();
        await disposing.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(["1", "2", "3"], host.Pushed.Select(u => u.Job.JobId));
        Assert.DoesNotContain(host.Logs.Webhook, e => e.EventId == 3006);
    }

    [Fact]
    public async Task Requests_are_counted_on_FaxSdks_meter_by_outcome_and_status_code()
    {
        var receiver = new FakeReceiver();
        var measurements = new List<(long Value, Dictionary<string, object?> Tags)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == FaxSdkDiagnostics.MeterName && instrument.Name == FaxWebhookDiagnostics.RequestsInstrument)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            var copy = new Dictionary<string, object?>();
            foreach (var tag in tags)
            {
                copy[tag.Key] = tag.Value;
            }

            // Other tests run in parallel: keep this test's instance only.
            if (Equals(copy[FaxSdkDiagnostics.InstanceTag], "metrics"))
            {
                lock (measurements)
                {
                    measurements.Add((value, copy));
                }
            }
        });
        listener.Start();
        var metricsReceiver = new FakeReceiver("metrics");
        await using var host = await WebhookHost.StartAsync(WebhookHost.Register(metricsReceiver, "metrics"));

        using var good = WebhookHost.SignedPush(metricsReceiver, "m1", "InProgress", "/faxsdk/hooks/fake/metrics");
        using var bad = new HttpRequestMessage(HttpMethod.Post, "/faxsdk/hooks/fake/metrics") { Content = new StringContent("job=m2&state=Failed") };
        await host.Client.SendAsync(good);
        await host.Client.SendAsync(bad);

        lock (measurements)
        {
            Assert.Equal(
                [("fake", "accepted", 202), ("fake", "rejected", 401)],
                measurements.Select(m => ((string)m.Tags[FaxSdkDiagnostics.ProviderTag]!, (string)m.Tags[FaxWebhookDiagnostics.OutcomeTag]!, (int)m.Tags[FaxSdkDiagnostics.HttpStatusCodeTag]!)));
            Assert.All(measurements, m => Assert.Equal(1, m.Value));
        }
    }
}
