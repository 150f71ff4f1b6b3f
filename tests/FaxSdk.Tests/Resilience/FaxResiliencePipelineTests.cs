using System.Net;
using System.Text;
using FaxSdk.Resilience;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace FaxSdk.Tests.Resilience;

/// <summary>What the pipeline FaxSdk builds with Microsoft.Extensions.Http.Resilience does with each kind of outcome.</summary>
public class FaxResiliencePipelineTests
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
        using var rig = new ResilienceRig(configure: null, S(status), ScriptedHandler.Ok());

        using var response = await rig.Clock.Drive(rig.Client.SendAsync(ResilienceRig.Request()));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("""{"ok":true}""", await response.Content.ReadAsStringAsync());
        Assert.Equal(2, rig.Inner.Calls);
        Assert.True(rig.Inner.Responses[0].Disposed, "the response discarded by the retry was not disposed");
        Assert.False(rig.Inner.Responses[1].Disposed);
    }

    [Fact]
    public async Task Several_transient_failures_in_a_row_are_retried_up_to_the_limit_then_succeed()
    {
        using var rig = new ResilienceRig(o => o.MaxRetryAttempts = 4, S(429), S(503), S(520), S(500), ScriptedHandler.Ok());

        await rig.SendDriven();

        Assert.Equal(5, rig.Inner.Calls);
        Assert.Equal(["OnRetry", "OnRetry", "OnRetry", "OnRetry"], rig.Logs.PollyEvents);
    }

    [Fact]
    public async Task When_retries_run_out_the_last_response_becomes_the_typed_error()
    {
        using var rig = new ResilienceRig(configure: null, S(503));

        var error = await Assert.ThrowsAsync<FaxProviderUnavailableException>(() => rig.SendDriven());

        Assert.Equal(HttpStatusCode.ServiceUnavailable, error.StatusCode);
        Assert.Equal(4, rig.Inner.Calls); // 1 + MaxRetryAttempts (3)
        Assert.Equal(3, rig.Logs.PollyEvents.Count(e => e == "OnRetry"));
    }

    [Fact]
    public async Task Retry_after_in_seconds_is_waited_exactly()
    {
        using var rig = new ResilienceRig(configure: null, S(429, "7"), ScriptedHandler.Ok());
        var start = rig.Clock.GetUtcNow();

        var call = rig.Send();
        await VirtualTime.Until(() => rig.Clock.Timers.Contains(TimeSpan.FromSeconds(7))); // the retry's delay is set
        rig.Clock.Advance(TimeSpan.FromSeconds(7) - TimeSpan.FromMilliseconds(1));
        Assert.Equal(1, rig.Inner.Calls); // not before the provider asked
        rig.Clock.Advance(TimeSpan.FromMilliseconds(1));
        await call.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(2, rig.Inner.Calls);
        Assert.Equal(start, rig.Inner.CallTimes[0]);
        Assert.Equal(start + TimeSpan.FromSeconds(7), rig.Inner.CallTimes[1]);
    }

    [Fact]
    public async Task Retry_after_as_an_http_date_is_waited_until_that_date_on_the_containers_clock()
    {
        var date = VirtualTime.NewClock().GetUtcNow() + TimeSpan.FromSeconds(5);
        using var rig = new ResilienceRig(configure: null, S(503, date.ToString("R")), ScriptedHandler.Ok());

        var call = rig.Send();
        await VirtualTime.Until(() => rig.Clock.Timers.Contains(TimeSpan.FromSeconds(5)));
        rig.Clock.Advance(TimeSpan.FromSeconds(5) - TimeSpan.FromMilliseconds(1));
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
        using var rig = new ResilienceRig(configure: null, S(429, retryAfter), ScriptedHandler.Ok());
        var start = rig.Clock.GetUtcNow();

        var error = await Assert.ThrowsAsync<FaxRateLimitedException>(() => rig.Send().WaitAsync(TimeSpan.FromSeconds(30)));

        Assert.Equal(TimeSpan.FromSeconds(int.Parse(retryAfter, System.Globalization.CultureInfo.InvariantCulture)), error.RetryAfter);
        Assert.Equal(1, rig.Inner.Calls);
        Assert.Equal(start, rig.Clock.GetUtcNow()); // nothing was waited for
        Assert.Contains(rig.Logs.Events, e => e.Id.Id == 1002 && e.Category == "FaxSdk.Resilience");
        Assert.DoesNotContain("OnRetry", rig.Logs.PollyEvents);
    }

    [Fact]
    public async Task A_raised_retry_after_cap_lets_the_same_answer_be_waited_for()
    {
        using var rig = new ResilienceRig(o => { o.MaxRetryAfter = TimeSpan.FromMinutes(3); o.TotalTimeout = TimeSpan.FromMinutes(5); }, S(429, "120"), ScriptedHandler.Ok());
        var start = rig.Clock.GetUtcNow();

        await rig.SendDriven();

        Assert.Equal(start + TimeSpan.FromSeconds(120), rig.Inner.CallTimes[1]);
    }

    [Fact]
    public async Task A_post_is_not_retried_unless_marked_idempotent()
    {
        using var plain = new ResilienceRig(configure: null, S(503), ScriptedHandler.Ok());
        using var marked = new ResilienceRig(configure: null, S(503), ScriptedHandler.Ok());
        using var unmarked = new ResilienceRig(configure: null, S(503), ScriptedHandler.Ok());

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
        using var rig = new ResilienceRig(configure: null, S(status), ScriptedHandler.Ok());

        var error = await Assert.ThrowsAnyAsync<FaxSdkException>(() => rig.SendDriven());

        Assert.IsType(expected, error);
        Assert.Equal(1, rig.Inner.Calls);
        Assert.Empty(rig.Logs.PollyEvents);
    }

    [Fact]
    public async Task Network_errors_are_retried()
    {
        using var rig = new ResilienceRig(configure: null,
            ScriptedHandler.Throws(new HttpRequestException("Connection refused (api.example.com:443)")),
            ScriptedHandler.Throws(new IOException("The response ended prematurely.")),
            ScriptedHandler.Ok());

        await rig.SendDriven();

        Assert.Equal(3, rig.Inner.Calls);
        Assert.Equal(["OnRetry", "OnRetry"], rig.Logs.PollyEvents);
    }

    [Fact]
    public async Task An_attempt_that_times_out_is_retried()
    {
        using var rig = new ResilienceRig(configure: null, ScriptedHandler.Hang(), ScriptedHandler.Ok());
        var start = rig.Clock.GetUtcNow();

        await rig.SendDriven();

        Assert.Equal(2, rig.Inner.Calls);
        Assert.True(rig.Inner.CallTimes[1] - start >= TimeSpan.FromSeconds(10), "the second attempt started before the first timed out");
    }

    [Fact]
    public async Task The_total_timeout_ends_the_call_with_provider_unavailable_saying_what_happened()
    {
        using var rig = new ResilienceRig(configure: null, ScriptedHandler.Hang());
        var start = rig.Clock.GetUtcNow();

        var error = await Assert.ThrowsAsync<FaxProviderUnavailableException>(() => rig.SendDriven());

        Assert.IsType<TimeoutRejectedException>(error.InnerException);
        Assert.Equal("phaxio: the request timed out (no successful answer within the total timeout of 30 s).", error.Message);
        Assert.Equal(3, rig.Inner.Calls); // 10 s + ~1 s + 10 s + ~2 s + the third attempt cut at 30 s
        Assert.InRange(rig.Clock.GetUtcNow() - start, TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(35)); // 250 ms steps; a loaded machine may run a few more before the timeout's continuation
    }

    [Fact]
    public async Task When_the_last_attempt_times_out_the_message_names_the_attempt_timeout()
    {
        using var rig = new ResilienceRig(o => { o.MaxRetryAttempts = 1; o.TotalTimeout = Timeout.InfiniteTimeSpan; o.AttemptTimeout = TimeSpan.FromSeconds(2); }, ScriptedHandler.Hang());

        var error = await Assert.ThrowsAsync<FaxProviderUnavailableException>(() => rig.SendDriven());

        Assert.Equal("phaxio: the request timed out (the last attempt got no complete answer within the attempt timeout of 2 s).", error.Message);
        Assert.Equal(2, rig.Inner.Calls);
    }

    [Fact]
    public async Task A_connection_that_breaks_mid_body_is_retried_as_part_of_the_attempt()
    {
        using var rig = new ResilienceRig(configure: null,
            (_, _) => Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StreamContent(new BrokenStream()) }),
            ScriptedHandler.Ok());

        var body = await rig.SendDriven();

        Assert.Equal("""{"ok":true}""", Encoding.UTF8.GetString(body));
        Assert.Equal(2, rig.Inner.Calls);
    }

    [Fact]
    public async Task A_body_that_keeps_breaking_ends_as_provider_unavailable_with_the_responses_status()
    {
        using var rig = new ResilienceRig(o => o.MaxRetryAttempts = 1,
            (_, _) => Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StreamContent(new BrokenStream()) }));

        var error = await Assert.ThrowsAsync<FaxProviderUnavailableException>(() => rig.SendDriven());

        Assert.Equal("phaxio: the connection failed while reading the response: The response ended prematurely.", error.Message);
        Assert.Equal(HttpStatusCode.OK, error.StatusCode);
        Assert.Equal(2, rig.Inner.Calls);
    }

    [Fact]
    public async Task An_oversized_body_is_a_protocol_error_and_not_retried()
    {
        using var rig = new ResilienceRig(new ResilienceRig.Setup { Provider = o => o.MaxResponseBytes = 8 }, ScriptedHandler.Ok("""{"ok":true,"padding":"more than eight bytes"}"""));

        var error = await Assert.ThrowsAsync<FaxProtocolException>(() => rig.SendDriven());

        Assert.Contains("exceeds the 8 bytes limit (MaxResponseBytes)", error.Message, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, error.StatusCode);
        Assert.Equal(1, rig.Inner.Calls);
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
        Assert.Equal("phaxio: the provider is unavailable (not sent: the circuit breaker is open after repeated failures; requests are refused for about 15 s more).", open.Message);
        Assert.IsType<BrokenCircuitException>(stillOpen.InnerException);

        rig.Clock.Advance(TimeSpan.FromSeconds(15));
        var body = await rig.Send();

        Assert.Equal(3, rig.Inner.Calls);
        Assert.Equal("""{"ok":true}""", Encoding.UTF8.GetString(body));
        Assert.Equal(["OnCircuitOpened", "OnCircuitHalfOpened", "OnCircuitClosed"], rig.Logs.PollyEvents);
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
        using var rig = new ResilienceRig(configure: null, S(503, "20"), ScriptedHandler.Ok());
        using var cancellation = new CancellationTokenSource();

        var call = rig.Send(cancellationToken: cancellation.Token);
        await VirtualTime.Until(() => rig.Clock.Timers.Contains(TimeSpan.FromSeconds(20))); // waiting 20 s before the retry
        await cancellation.CancelAsync();

        var error = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.IsNotType<TimeoutRejectedException>(error);
        Assert.Equal(1, rig.Inner.Calls);
    }

    [Fact]
    public async Task Cancelling_during_an_attempt_ends_the_call_as_cancellation_not_a_timeout()
    {
        using var rig = new ResilienceRig(configure: null, ScriptedHandler.Hang());
        using var cancellation = new CancellationTokenSource();

        var call = rig.Send(cancellationToken: cancellation.Token);
        await VirtualTime.Until(() => rig.Inner.Calls == 1);
        await cancellation.CancelAsync();

        var error = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.IsNotType<TimeoutRejectedException>(error);
        Assert.Equal(1, rig.Inner.Calls);
        Assert.Empty(rig.Logs.PollyEvents); // neither retried nor counted as a timeout
    }

    [Fact]
    public async Task With_retries_off_a_transient_failure_is_returned_at_once()
    {
        using var rig = new ResilienceRig(o => o.MaxRetryAttempts = 0, S(503), ScriptedHandler.Ok());

        await Assert.ThrowsAsync<FaxProviderUnavailableException>(() => rig.Send());

        Assert.Equal(1, rig.Inner.Calls);
    }

    /// <summary>Sends one byte, then fails as a dropped connection does.</summary>
    private sealed class BrokenStream : MemoryStream
    {
        private bool _sent;

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (_sent)
            {
                throw new IOException("The response ended prematurely.");
            }

            _sent = true;
            buffer.Span[0] = (byte)'{';
            return ValueTask.FromResult(1);
        }
    }
}
