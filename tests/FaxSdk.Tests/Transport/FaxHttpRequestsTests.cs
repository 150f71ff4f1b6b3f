using System.Net;
using System.Text;
using FaxSdk.Transport;

namespace FaxSdk.Tests.Transport;

public class FaxHttpRequestsTests
{
    private static readonly FaxProviderOptions Options = new() { BaseAddress = new Uri("https://api.example.com/"), MaxResponseBytes = 1024 };

    private static Task<byte[]> Send(FakeHandler handler, FaxProviderOptions? options = null, CancellationToken cancellationToken = default)
    {
        var client = new HttpClient(handler);
        return FaxHttpRequests.SendAsync(client, new HttpRequestMessage(HttpMethod.Get, "https://api.example.com/faxes/1"), options ?? Options, "test", "1", cancellationToken);
    }

    [Fact]
    public async Task Success_returns_the_body()
    {
        var body = await Send(FakeHandler.Json(HttpStatusCode.OK, """{"ok":true}"""));

        Assert.Equal("""{"ok":true}""", Encoding.UTF8.GetString(body));
    }

    [Theory]
    [InlineData(HttpStatusCode.Unauthorized, typeof(FaxAuthenticationException))]
    [InlineData(HttpStatusCode.Forbidden, typeof(FaxAuthenticationException))]
    [InlineData(HttpStatusCode.NotFound, typeof(FaxJobNotFoundException))]
    [InlineData(HttpStatusCode.TooManyRequests, typeof(FaxRateLimitedException))]
    [InlineData(HttpStatusCode.RequestTimeout, typeof(FaxProviderUnavailableException))]
    [InlineData(HttpStatusCode.InternalServerError, typeof(FaxProviderUnavailableException))]
    [InlineData(HttpStatusCode.ServiceUnavailable, typeof(FaxProviderUnavailableException))]
    [InlineData((HttpStatusCode)520, typeof(FaxProviderUnavailableException))]
    [InlineData(HttpStatusCode.BadRequest, typeof(FaxSdkException))]
    public async Task Status_codes_map_to_typed_exceptions(HttpStatusCode status, Type expected)
    {
        var handler = new FakeHandler(_ =>
        {
            var response = new HttpResponseMessage(status) { Content = new StringContent("""{"message":"nope"}""") };
            response.Headers.Add("x-request-id", "req-42");
            return response;
        });

        var exception = await Assert.ThrowsAnyAsync<FaxSdkException>(() => Send(handler));

        Assert.IsType(expected, exception);
        Assert.Equal(status, exception.StatusCode);
        Assert.Equal("req-42", exception.RequestId);
        Assert.Equal("test", exception.Provider);
        Assert.StartsWith("test:", exception.Message, StringComparison.Ordinal);
        Assert.Contains("nope", exception.ResponseExcerpt, StringComparison.Ordinal);
        Assert.Equal(status == HttpStatusCode.Forbidden, (exception as FaxAuthenticationException)?.IsForbidden ?? false);
    }

    [Fact]
    public async Task Retry_after_is_read_as_seconds_or_as_a_date()
    {
        var seconds = new FakeHandler(_ => new HttpResponseMessage(HttpStatusCode.TooManyRequests) { Headers = { { "Retry-After", "7" } } });
        var date = new FakeHandler(_ => new HttpResponseMessage(HttpStatusCode.TooManyRequests) { Headers = { RetryAfter = new(DateTimeOffset.UtcNow.AddMinutes(2)) } });

        var fromSeconds = await Assert.ThrowsAsync<FaxRateLimitedException>(() => Send(seconds));
        var fromDate = await Assert.ThrowsAsync<FaxRateLimitedException>(() => Send(date));

        Assert.Equal(TimeSpan.FromSeconds(7), fromSeconds.RetryAfter);
        Assert.InRange(fromDate.RetryAfter!.Value, TimeSpan.FromSeconds(100), TimeSpan.FromSeconds(121));
    }

    [Fact]
    public async Task Oversized_body_with_content_length_is_refused_unread()
    {
        var stream = new EndlessStream();
        var handler = new FakeHandler(_ =>
        {
            var content = new StreamContent(stream);
            content.Headers.ContentLength = 10_000;
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = content };
        });

        var exception = await Assert.ThrowsAsync<FaxProtocolException>(() => Send(handler));

        Assert.Contains("exceeds the 1 KiB limit", exception.Message, StringComparison.Ordinal);
        Assert.Equal(0, stream.BytesRead);
    }

    [Fact]
    public async Task Endless_body_without_content_length_stops_just_past_the_cap()
    {
        var stream = new EndlessStream();
        var handler = new FakeHandler(_ => new HttpResponseMessage(HttpStatusCode.OK) { Content = new StreamContent(stream) });

        await Assert.ThrowsAsync<FaxProtocolException>(() => Send(handler));

        Assert.InRange(stream.BytesRead, 1025, 64 * 1024);
    }

    [Fact]
    public async Task Network_failures_and_timeouts_are_unavailable_but_cancellation_is_cancellation()
    {
        var failing = new FakeHandler(_ => throw new HttpRequestException("connection refused"));
        var timingOut = new FakeHandler(_ => throw new TaskCanceledException("timeout", new TimeoutException()));
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        var cancelling = new FakeHandler(_ => throw new TaskCanceledException());

        Assert.Contains("connection refused", (await Assert.ThrowsAsync<FaxProviderUnavailableException>(() => Send(failing))).Message, StringComparison.Ordinal);
        Assert.Contains("timed out", (await Assert.ThrowsAsync<FaxProviderUnavailableException>(() => Send(timingOut))).Message, StringComparison.Ordinal);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Send(cancelling, cancellationToken: cancelled.Token));
    }

    [Fact]
    public async Task Plain_http_to_a_remote_host_is_refused_before_sending()
    {
        var handler = FakeHandler.Json(HttpStatusCode.OK, "{}");
        var client = new HttpClient(handler);

        await Assert.ThrowsAsync<ArgumentException>(() =>
            FaxHttpRequests.SendAsync(client, new HttpRequestMessage(HttpMethod.Get, "http://fax.example.com/x"), Options, "test", null, default));

        Assert.Empty(handler.Requests);
    }

    [Fact]
    public async Task Secrets_in_error_bodies_never_reach_the_exception()
    {
        const string body = """{"error":"bad auth","strPIN":"98765","password":"hunter2","echo":"Authorization: Basic dXNlcjpodW50ZXIy","token":"tok-secret"}""";
        var handler = new FakeHandler(_ => new HttpResponseMessage(HttpStatusCode.Unauthorized) { Content = new StringContent(body) });

        var exception = await Assert.ThrowsAsync<FaxAuthenticationException>(() => Send(handler));

        var text = exception.Message + exception.ResponseExcerpt + exception;
        foreach (var secret in new[] { "98765", "hunter2", "dXNlcjpodW50ZXIy", "tok-secret" })
        {
            Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
        }

        Assert.Contains("bad auth", exception.ResponseExcerpt, StringComparison.Ordinal);
    }
}
