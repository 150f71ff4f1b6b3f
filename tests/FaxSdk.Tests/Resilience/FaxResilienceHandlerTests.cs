using System.Net;
using System.Text;
using FaxSdk.Resilience;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace FaxSdk.Tests.Resilience;

public class FaxResilienceHandlerTests
{
    private static ScriptedHandler.Step S(int status, string? retryAfter = null) => ScriptedHandler.Status(status, retryAfter);

    [Theory]
    [InlineData(408)]
    [InlineData(429)]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(503)]
    [InlineData(504)]
    [InlineData(520)]
    [InlineData(524)]
    public async Task A_transient_status_is_retried_and_the_discarded_response_is_disposed(int status)
    {
        using var rig = new ResilienceRig(null, S(status), ScriptedHandler.Ok());

        var body = await rig.SendDriven();

        Assert.Equal("""{"ok":true}""", Encoding.UTF8.GetString(body));
        Assert.Equal(2, rig.Inner.Calls);
        Assert.True(rig.Inner.Contents[0].Disposed, "the response discarded by the retry was not disposed");
    }

    [Fact]
    public async Task Several_transient_failures_in_a_row_are_retried_up_to_the_limit_then_succeed()
    {
        using var rig4 = new ResilienceRig(o => o.MaxRetryAttempts = 4, S(429), S(503), S(520), S(500), ScriptedHandler.Ok());

        await rig4.SendDriven();

        Assert.Equal(5, rig4.Inner.Calls);
        Assert.All(rig4.Inner.Contents.Take(4), c => Assert.True(c.Disposed));
        Assert.Equal([1001, 1001, 1001, 1001], rig4.Logs.Ids);
    }

    [Fact]
    public async Task When_retries_run_out_the_last_response_becomes_the_typed_error()
    {
        using var rig = new ResilienceRig(null, S(503));

        var error = await Assert.ThrowsAsync<FaxProviderUnavailableException>(() => rig.SendDriven());

        Assert.Equal(HttpStatusCode.ServiceUnavailable, error.StatusCode);
        Assert.Equal(4, rig.Inner.Calls); // 1 + MaxRetryAttempts (3)
        Assert.Contains(rig.Logs.Events, e => e.Id.Id == 1006 && e.Message.Contains("after 4 attempt(s)", StringComparison.Ordinal) && e.Message.Contains("HTTP 503", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Retry_after_in_seconds_is_waited_exactly()
    {
        using var rig = new ResilienceRig(null, S(429, "7"), ScriptedHandler.Ok());
        var start = rig.Clock.GetUtcNow();

        var call = rig.Send();
        await VirtualTime.Until(() => rig.Logs.Ids.Contains(1001)); // the retry's delay is set (its timer starts right after)
        await Task.Delay(20);
        rig.Clock.Advance(TimeSpan.FromSeconds(7) - TimeSpan.FromMilliseconds(1));
        await Task.Delay(20);
        Assert.Equal(1, rig.Inner.Calls); // not before the provider asked
        rig.Clock.Advance(TimeSpan.FromMilliseconds(1));
        await call.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(2, rig.Inner.Calls);
        Assert.Equal(start, rig.Inner.CallTimes[0]);
        Assert.Equal(start + TimeSpan.FromSeconds(7), rig.Inner.CallTimes[1]);
        Assert.Contains(rig.Logs.Events, e => e.Id.Id == 1001 && e.Message.Contains("retrying in 7000 ms", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Retry_after_as_an_http_date_is_waited_until_that_date()
    {
        var clock = VirtualTime.NewClock();
        var date = clock.GetUtcNow() + TimeSpan.FromSeconds(5);
        using var rig = new ResilienceRig(null, S(503, date.ToString("R")), ScriptedHandler.Ok());
        rig.Clock.SetUtcNow(clock.GetUtcNow());

        var call = rig.Send();
        await VirtualTime.Until(() => rig.Inner.Calls == 1);
        rig.Clock.Advance(TimeSpan.FromSeconds(5) - TimeSpan.FromMilliseconds(1));
        await Task.Delay(20);
        Assert.Equal(1, rig.Inner.Calls);
        rig.Clock.Advance(TimeSpan.FromMilliseconds(1));
        await call.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(date, rig.Inner.CallTimes[1]);
    }

    [Theory]
    [InlineData("120")] // over MaxRetryAfter (60 s)
    [InlineData("45")] // under MaxRetryAfter, but longer than is left of the total timeout (30 s)
    public async Task A_retry_after_too_long_to_wait_is_returned_at_once_with_its_value(string retryAfter)
    {
        using var rig = new ResilienceRig(null, S(429, retryAfter), ScriptedHandler.Ok());
        var start = rig.Clock.GetUtcNow();

        var error = await Assert.ThrowsAsync<FaxRateLimitedException>(() => rig.Send().WaitAsync(TimeSpan.FromSeconds(30)));

        Assert.Equal(TimeSpan.FromSeconds(int.Parse(retryAfter, System.Globalization.CultureInfo.InvariantCulture)), error.RetryAfter);
        Assert.Equal(1, rig.Inner.Calls);
        Assert.Equal(start, rig.Clock.GetUtcNow()); // nothing was waited for
        Assert.Contains(rig.Logs.Events, e => e.Id.Id == 1002);
    }

    [Fact]
    public async Task A_post_is_not_retried_unless_marked_idempotent()
    {
        using var plain = new ResilienceRig(null, S(503), ScriptedHandler.Ok());
        using var marked = new ResilienceRig(null, S(503), ScriptedHandler.Ok());
        using var unmarked = new ResilienceRig(null, S(503), ScriptedHandler.Ok());

        await Assert.ThrowsAsync<FaxProviderUnavailableException>(() => plain.SendDriven(ResilienceRig.Request(HttpMethod.Post)));
        await marked.SendDriven(ResilienceRig.Request(HttpMethod.Post, idempotent: true));
        await Assert.ThrowsAsync<FaxProviderUnavailableException>(() => unmarked.SendDriven(ResilienceRig.Request(HttpMethod.Post, idempotent: false)));

        Assert.Equal(1, plain.Inner.Calls);
        Assert.Equal(2, marked.Inner.Calls);
        Assert.Equal(1, unmarked.Inner.Calls);
    }

    [Theory]
    [InlineData("GET", true)]
    [InlineData("HEAD", true)]
    [InlineData("OPTIONS", true)]
    [InlineData("PUT", true)]
    [InlineData("DELETE", true)]
    [InlineData("POST", false)]
    [InlineData("PATCH", false)]
    public void Only_safe_methods_are_retryable_by_default(string method, bool retryable) =>
        Assert.Equal(retryable, FaxResilience.IsRetryable(new HttpRequestMessage(new HttpMethod(method), "https://api.example.com/")));

    [Theory]
    [InlineData(400, typeof(FaxSdkException))]
    [InlineData(401, typeof(FaxAuthenticationException))]
    [InlineData(403, typeof(FaxAuthenticationException))]
    [InlineData(404, typeof(FaxJobNotFoundException))]
    [InlineData(501, typeof(FaxProviderUnavailableException))]
    public async Task Client_errors_and_permanent_server_errors_are_not_retried(int status, Type expected)
    {
        using var rig = new ResilienceRig(null, S(status), ScriptedHandler.Ok());

        var error = await Assert.ThrowsAnyAsync<FaxSdkException>(() => rig.SendDriven());

        Assert.IsType(expected, error);
        Assert.Equal(1, rig.Inner.Calls);
        Assert.Empty(rig.Logs.Events);
    }

    [Fact]
    public async Task Network_errors_are_retried()
    {
        using var rig = new ResilienceRig(null,
            ScriptedHandler.Throws(new HttpRequestException("Connection refused (api.example.com:443)")),
            ScriptedHandler.Throws(new IOException("The response ended prematurely.")),
            ScriptedHandler.Ok());

        await rig.SendDriven();

        Assert.Equal(3, rig.Inner.Calls);
        Assert.Contains(rig.Logs.Events, e => e.Id.Id == 1001 && e.Message.Contains("HttpRequestException", StringComparison.Ordinal));
        Assert.Contains(rig.Logs.Events, e => e.Id.Id == 1001 && e.Message.Contains("IOException", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_attempt_that_times_out_is_retried()
    {
        using var rig = new ResilienceRig(null, ScriptedHandler.Hang(), ScriptedHandler.Ok());
        var start = rig.Clock.GetUtcNow();

        await rig.SendDriven();

        Assert.Equal(2, rig.Inner.Calls);
        Assert.True(rig.Inner.CallTimes[1] - start >= TimeSpan.FromSeconds(10), "the second attempt started before the first timed out");
        Assert.Contains(rig.Logs.Events, e => e.Id.Id == 1001 && e.Message.Contains("timed out", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_total_timeout_ends_the_call_with_provider_unavailable_saying_what_happened()
    {
        using var rig = new ResilienceRig(null, ScriptedHandler.Hang());
        var start = rig.Clock.GetUtcNow();

        var error = await Assert.ThrowsAsync<FaxProviderUnavailableException>(() => rig.SendDriven());

        Assert.IsType<TimeoutRejectedException>(error.InnerException);
        Assert.StartsWith("test: the request timed out (gave up after 3 attempt(s)", error.Message, StringComparison.Ordinal);
        Assert.Contains("total timeout of 30 s", error.Message, StringComparison.Ordinal);
        Assert.Equal(3, rig.Inner.Calls); // 10 s + ~1 s + 10 s + ~2 s + the third attempt cut at 30 s
        var elapsed = rig.Clock.GetUtcNow() - start;
        Assert.InRange(elapsed, TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(32)); // the clock moves in 250 ms steps
    }

    [Fact]
    public async Task When_the_last_attempt_times_out_the_message_names_the_attempt_timeout()
    {
        using var rig = new ResilienceRig(o => { o.MaxRetryAttempts = 1; o.TotalTimeout = Timeout.InfiniteTimeSpan; o.AttemptTimeout = TimeSpan.FromSeconds(2); }, ScriptedHandler.Hang());

        var error = await Assert.ThrowsAsync<FaxProviderUnavailableException>(() => rig.SendDriven());

        Assert.Contains("gave up after 2 attempt(s): the last attempt got no answer within the attempt timeout of 2 s", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_circuit_opens_fails_fast_then_a_probe_after_the_break_closes_it()
    {
        using var rig = new ResilienceRig(o => { o.MaxRetryAttempts = 0; o.CircuitBreakerMinimumThroughput = 2; }, S(503), S(503), ScriptedHandler.Ok());

        await Assert.ThrowsAsync<FaxProviderUnavailableException>(() => rig.Send());
        await Assert.ThrowsAsync<FaxProviderUnavailableException>(() => rig.Send());
        var open = await Assert.ThrowsAsync<FaxProviderUnavailableException>(() => rig.Send());
        var stillOpen = await Assert.ThrowsAsync<FaxProviderUnavailableException>(() => rig.Send());

        Assert.Equal(2, rig.Inner.Calls); // the open circuit did not call the provider
        Assert.IsType<BrokenCircuitException>(open.InnerException);
        Assert.Null(open.StatusCode);
        Assert.Contains("circuit breaker is open", open.Message, StringComparison.Ordinal);
        Assert.Contains("about 15 s", open.Message, StringComparison.Ordinal);
        Assert.IsType<BrokenCircuitException>(stillOpen.InnerException);

        rig.Clock.Advance(TimeSpan.FromSeconds(15));
        var body = await rig.Send();

        Assert.Equal(3, rig.Inner.Calls);
        Assert.Equal("""{"ok":true}""", Encoding.UTF8.GetString(body));
        Assert.Equal([1003, 1004, 1005], rig.Logs.Ids);
        await rig.Send(); // closed: flows normally
        Assert.Equal(4, rig.Inner.Calls);
    }

    [Fact]
    public async Task A_failed_probe_opens_the_circuit_again()
    {
        using var rig = new ResilienceRig(o => { o.MaxRetryAttempts = 0; o.CircuitBreakerMinimumThroughput = 2; }, S(500));

        await Assert.ThrowsAsync<FaxProviderUnavailableException>(() => rig.Send());
        await Assert.ThrowsAsync<FaxProviderUnavailableException>(() => rig.Send());
        rig.Clock.Advance(TimeSpan.FromSeconds(15));
        var probe = await Assert.ThrowsAsync<FaxProviderUnavailableException>(() => rig.Send());
        var again = await Assert.ThrowsAsync<FaxProviderUnavailableException>(() => rig.Send());

        Assert.Equal(HttpStatusCode.InternalServerError, probe.StatusCode);
        Assert.IsType<BrokenCircuitException>(again.InnerException);
        Assert.Equal(3, rig.Inner.Calls);
    }

    [Fact]
    public async Task Cancelling_during_a_retry_delay_ends_the_call_at_once_as_cancellation()
    {
        using var rig = new ResilienceRig(null, S(503, "20"), ScriptedHandler.Ok());
        using var cancellation = new CancellationTokenSource();

        var call = rig.Send(cancellationToken: cancellation.Token);
        await VirtualTime.Until(() => rig.Logs.Ids.Contains(1001)); // waiting 20 s before the retry
        await cancellation.CancelAsync();

        var error = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.IsNotType<TimeoutException>(error);
        Assert.Equal(1, rig.Inner.Calls);
        Assert.DoesNotContain(rig.Logs.Events, e => e.Id.Id == 1006);
    }

    [Fact]
    public async Task Cancelling_during_an_attempt_ends_the_call_as_cancellation_not_a_timeout()
    {
        using var rig = new ResilienceRig(null, ScriptedHandler.Hang());
        using var cancellation = new CancellationTokenSource();

        var call = rig.Send(cancellationToken: cancellation.Token);
        await VirtualTime.Until(() => rig.Inner.Calls == 1);
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Equal(1, rig.Inner.Calls);
    }

    [Fact]
    public async Task With_retries_off_a_transient_failure_is_returned_at_once()
    {
        using var rig = new ResilienceRig(o => o.MaxRetryAttempts = 0, S(503), ScriptedHandler.Ok());

        await Assert.ThrowsAsync<FaxProviderUnavailableException>(() => rig.Send());

        Assert.Equal(1, rig.Inner.Calls);
    }

    [Fact]
    public async Task A_handler_built_with_enabled_off_passes_requests_through()
    {
        using var rig = new ResilienceRig(o => o.Enabled = false, S(503), ScriptedHandler.Ok());

        await Assert.ThrowsAsync<FaxProviderUnavailableException>(() => rig.Send());

        Assert.Equal(1, rig.Inner.Calls);
    }
}
