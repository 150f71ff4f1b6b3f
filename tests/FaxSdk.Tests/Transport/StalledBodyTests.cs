using FaxSdk.Tests.Resilience;
using Polly.Timeout;

namespace FaxSdk.Tests.Transport;

/// <summary>A body that stalls after the headers: the attempt's timeout covers the body, so it ends in a typed timeout, never a hang.</summary>
public class StalledBodyTests
{
    [Fact]
    public async Task A_stalled_body_times_out_within_the_attempt_and_is_retried()
    {
        using var rig = new ResilienceRig(o => o.AttemptTimeout = TimeSpan.FromSeconds(4), ScriptedHandler.Stall(), ScriptedHandler.Ok());
        var start = rig.Clock.GetUtcNow();

        await rig.SendDriven();

        Assert.Equal(2, rig.Inner.Calls);
        Assert.True(rig.Inner.CallTimes[1] - start >= TimeSpan.FromSeconds(4), "the second attempt started before the stalled body's attempt timed out");
        Assert.Equal(["OnTimeout", "OnRetry"], rig.Logs.PollyEvents);
    }

    [Fact]
    public async Task A_body_that_always_stalls_ends_in_a_typed_timeout_at_the_total_timeout()
    {
        using var rig = new ResilienceRig(configure: null, ScriptedHandler.Stall());
        var start = rig.Clock.GetUtcNow();

        var error = await Assert.ThrowsAsync<FaxProviderUnavailableException>(() => rig.SendDriven());

        Assert.IsType<TimeoutRejectedException>(error.InnerException);
        Assert.Equal("phaxio: the request timed out (no successful answer within the total timeout of 30 s).", error.Message);
        Assert.InRange(rig.Clock.GetUtcNow() - start, TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(35)); // 250 ms steps, with slack for a loaded machine
    }

    [Fact]
    public async Task Without_a_pipeline_the_providers_timeout_ends_a_stalled_body()
    {
        using var rig = new ResilienceRig(
            new ResilienceRig.Setup { Resilience = o => o.Enabled = false, Provider = o => o.Timeout = TimeSpan.FromSeconds(5) },
            ScriptedHandler.Stall());
        var start = rig.Clock.GetUtcNow();

        var error = await Assert.ThrowsAsync<FaxProviderUnavailableException>(() => rig.Clock.Drive(rig.Status()));

        Assert.Equal("phaxio: the request timed out (no complete answer within the timeout of 5 s (FaxProviderOptions.Timeout)).", error.Message);
        Assert.InRange(rig.Clock.GetUtcNow() - start, TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(10)); // 250 ms steps, with slack for a loaded machine
        Assert.Equal(1, rig.Inner.Calls);
    }

    [Fact]
    public async Task The_callers_cancellation_during_a_stalled_body_stays_a_cancellation()
    {
        using var rig = new ResilienceRig(configure: null, ScriptedHandler.Stall());
        using var cancellation = new CancellationTokenSource();

        var call = rig.Status(cancellation.Token);
        await VirtualTime.Until(() => rig.Inner.Calls == 1);
        await cancellation.CancelAsync();

        var error = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.IsNotType<TimeoutRejectedException>(error);
        Assert.Equal(1, rig.Inner.Calls);
    }
}
