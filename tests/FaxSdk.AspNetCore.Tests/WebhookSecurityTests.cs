using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace FaxSdk.AspNetCore.Tests;

/// <summary>Hostile requests at the host: each gets its status code, and nothing reaches FaxStatusClient.Pushes.</summary>
public class WebhookSecurityTests
{
    [Theory]
    [InlineData("wrong")]
    [InlineData("missing")]
    [InlineData("truncated")]
    [InlineData("tampered")]
    public async Task A_request_that_fails_authentication_gets_401_is_not_parsed_and_logs_only_provider_instance_and_reason(string attack)
    {
        var receiver = new FakeReceiver();
        await using var host = await WebhookHost.StartAsync(WebhookHost.Register(receiver));
        using var request = WebhookHost.SignedPush(receiver, "4242", "Succeeded");
        var signature = request.Headers.GetValues(FakeReceiver.SignatureHeader).Single();
        request.Headers.Remove(FakeReceiver.SignatureHeader);
        switch (attack)
        {
            case "wrong":
                request.Headers.Add(FakeReceiver.SignatureHeader, FakeReceiver.Sign("another-secret", WebhookHost.PublicBase + "/faxsdk/hooks/fake", Encoding.UTF8.GetBytes("job=4242&state=Succeeded")));
                break;
            case "truncated":
                request.Headers.Add(FakeReceiver.SignatureHeader, signature[..^2]);
                break;
            case "tampered":
                request.Headers.Add(FakeReceiver.SignatureHeader, signature);
                request.Content = new StringContent("job=4242&state=Failed", Encoding.UTF8, "application/x-www-form-urlencoded");
                break;
        }

        var response = await host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var reason = attack == "missing" ? "missing signature" : "signature mismatch";
        Assert.Equal(new FaxWebhookRejection("fake", "default", 401, reason), Assert.Single(host.Rejections.All));
        Assert.Equal(0, receiver.ParseCalls);
        await MapFaxWebhooksTests.AssertNothingPushedAsync(host, receiver);
        Assert.DoesNotContain(host.Pushed, u => u.Job.JobId == "4242");

        var log = Assert.Single(host.Logs.Webhook, e => e.EventId == 3001);
        Assert.Equal($"Webhook for fake/default failed authentication: {reason}", log.Message);
        Assert.All(host.Logs.Entries, e =>
        {
            Assert.DoesNotContain("4242", e.Message, StringComparison.Ordinal);
            Assert.DoesNotContain(receiver.Secret, e.Message, StringComparison.Ordinal);
            Assert.DoesNotContain(signature[..16], e.Message, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task The_signed_url_is_the_public_one_whatever_the_Host_and_forwarding_headers_say_and_the_query_is_kept_as_received()
    {
        var receiver = new FakeReceiver();
        await using var host = await WebhookHost.StartAsync(WebhookHost.Register(receiver));
        const string query = "?b=2&a=%2F1&a=x+y";

        using var spoofed = WebhookHost.SignedPush(receiver, "1", "InProgress", query: query);
        spoofed.Headers.Host = "attacker.example";
        spoofed.Headers.Add("X-Forwarded-Host", "attacker.example");
        spoofed.Headers.Add("X-Forwarded-Proto", "http");
        Assert.Equal(HttpStatusCode.Accepted, (await host.Client.SendAsync(spoofed)).StatusCode);
        Assert.Equal(WebhookHost.PublicBase + "/faxsdk/hooks/fake" + query, receiver.LastRequest!.Url.OriginalString);

        // Signed over the URL rebuilt from the Host header: not what the provider was given, so refused.
        using var rebuilt = WebhookHost.SignedPush(receiver, "2", "InProgress", query: query, signedUrl: "http://attacker.example/faxsdk/hooks/fake" + query);
        rebuilt.Headers.Host = "attacker.example";
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.Client.SendAsync(rebuilt)).StatusCode);

        // The query string is part of what is signed: one changed parameter is refused.
        using var changedQuery = WebhookHost.SignedPush(receiver, "3", "InProgress", query: query);
        changedQuery.RequestUri = new Uri("/faxsdk/hooks/fake?b=3&a=%2F1&a=x+y", UriKind.Relative);
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.Client.SendAsync(changedQuery)).StatusCode);

        await host.WhenPushedAsync(1);
        Assert.Equal(["1"], host.Pushed.Select(u => u.Job.JobId));
    }

    [Fact]
    public async Task A_path_below_the_endpoint_reaches_its_receiver_as_sent_for_a_secret_path_segment_and_a_named_instance_keeps_its_own()
    {
        var main = new FakeReceiver();
        var eu = new FakeReceiver("eu");
        await using var host = await WebhookHost.StartAsync(WebhookHost.Register(main), WebhookHost.Register(eu, "eu"), WebhookHost.Register(null, "off"));

        using var secret = WebhookHost.SignedPush(main, "s1", "InProgress", "/faxsdk/hooks/fake/Zm9v-bar_9", "?q=1");
        Assert.Equal(HttpStatusCode.Accepted, (await host.Client.SendAsync(secret)).StatusCode);
        Assert.Equal(WebhookHost.PublicBase + "/faxsdk/hooks/fake/Zm9v-bar_9?q=1", main.LastRequest!.Url.OriginalString);

        using var named = WebhookHost.SignedPush(eu, "s2", "InProgress", "/faxsdk/hooks/fake/eu/abc");
        Assert.Equal(HttpStatusCode.Accepted, (await host.Client.SendAsync(named)).StatusCode);
        Assert.Equal(WebhookHost.PublicBase + "/faxsdk/hooks/fake/eu/abc", eu.LastRequest!.Url.OriginalString);
        Assert.Equal(1, main.AuthenticateCalls);

        // Below the default instance, a (disabled) named instance's name is that instance's, not a secret: not found.
        using var disabled = WebhookHost.SignedPush(main, "s3", "InProgress", "/faxsdk/hooks/fake/off/x");
        Assert.Equal(HttpStatusCode.NotFound, (await host.Client.SendAsync(disabled)).StatusCode);
    }

    [Fact]
    public async Task A_declared_length_over_the_receivers_limit_is_refused_413_before_the_body_is_read()
    {
        var receiver = new FakeReceiver { MaxBody = 1000 };
        await using var host = await WebhookHost.StartAsync(WebhookHost.Register(receiver));
        var body = new CountingStream(totalBytes: 1001, chunk: 100);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/faxsdk/hooks/fake") { Content = new StreamContent(body) };
        request.Content.Headers.ContentLength = 1001;

        var response = await host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(new FaxWebhookRejection("fake", "default", 413, "the body is larger than 1000 bytes"), Assert.Single(host.Rejections.All));
        Assert.Equal(0, receiver.AuthenticateCalls);
        await MapFaxWebhooksTests.AssertNothingPushedAsync(host, receiver);
    }

    [Fact]
    public async Task A_credential_receiver_refuses_a_wrong_credential_401_before_reading_the_body()
    {
        var receiver = new FakeReceiver { HeaderCredential = true, Forms = true, MaxBody = 100_000_000 };
        await using var host = await WebhookHost.StartAsync(WebhookHost.Register(receiver));
        var body = new CountingStream(totalBytes: 10_000_000, chunk: 100);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/faxsdk/hooks/fake") { Content = new StreamContent(body, 100) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/x-www-form-urlencoded");
        request.Headers.Add("X-Fake-Token", "not-the-secret");

        var response = await host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.True(body.BytesRead < 1_000_000, $"the client was asked for {body.BytesRead} bytes");
        Assert.Equal(1, receiver.AuthenticateCalls);
        Assert.True(receiver.LastRequest!.Body.IsEmpty);
        Assert.Null(receiver.LastRequest.Form);
        Assert.Equal(0, receiver.ParseCalls);
        Assert.Equal(new FaxWebhookRejection("fake", "default", 401, "wrong credential"), Assert.Single(host.Rejections.All));

        // A genuine push after it is the only one that arrives (the queue is FIFO).
        using var marker = new HttpRequestMessage(HttpMethod.Post, "/faxsdk/hooks/fake") { Content = new StringContent("job=marker&state=InProgress", Encoding.UTF8, "application/x-www-form-urlencoded") };
        marker.Headers.Add("X-Fake-Token", receiver.Secret);
        Assert.True((await host.Client.SendAsync(marker)).IsSuccessStatusCode);
        await host.WhenPushedAsync(1);
        Assert.Equal("marker", Assert.Single(host.Pushed).Job.JobId);
    }

    [Fact]
    public async Task A_credential_receiver_with_the_right_credential_reads_the_body_after_authenticating_once()
    {
        var receiver = new FakeReceiver { HeaderCredential = true, Forms = true };
        await using var host = await WebhookHost.StartAsync(WebhookHost.Register(receiver));
        using var request = new HttpRequestMessage(HttpMethod.Post, "/faxsdk/hooks/fake") { Content = new StringContent("job=7&state=Succeeded", Encoding.UTF8, "application/x-www-form-urlencoded") };
        request.Headers.Add("X-Fake-Token", receiver.Secret);

        var response = await host.Client.SendAsync(request);

        Assert.Equal(202, (int)response.StatusCode);
        Assert.Equal(1, receiver.AuthenticateCalls);
        Assert.True(receiver.LastRequest!.Body.IsEmpty); // authenticated from the headers alone
        Assert.Equal(1, receiver.ParseCalls);
        Assert.Empty(host.Rejections.All);
    }

    [Fact]
    public async Task A_streamed_body_over_the_limit_is_refused_413_without_reading_it_all()
    {
        var receiver = new FakeReceiver { MaxBody = 1000 };
        await using var host = await WebhookHost.StartAsync(WebhookHost.Register(receiver));
        var body = new CountingStream(totalBytes: 10_000_000, chunk: 100);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/faxsdk/hooks/fake") { Content = new StreamContent(body, 100) };
        Assert.Null(request.Content.Headers.ContentLength);

        var response = await host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.True(body.BytesRead < 1_000_000, $"the client was asked for {body.BytesRead} bytes");
        Assert.Equal(0, receiver.AuthenticateCalls);
        Assert.Equal(413, Assert.Single(host.Rejections.All).StatusCode);
    }

    [Fact]
    public async Task A_body_that_arrives_too_slowly_is_refused_408()
    {
        var receiver = new FakeReceiver();
        await using var host = await WebhookHost.StartAsync(WebhookHost.Register(receiver));
        var body = new StallingContent(Encoding.UTF8.GetBytes("job=1&st"));
        using var request = new HttpRequestMessage(HttpMethod.Post, "/faxsdk/hooks/fake") { Content = body };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/x-www-form-urlencoded");

        var sending = host.Client.SendAsync(request);
        await body.Started.WaitAsync(TimeSpan.FromSeconds(30));
        // The client has started sending, but the server may start its read timeout (on the virtual clock) a little
        // later: move the clock a second per millisecond of wall time until the refusal, not a fixed number of steps.
        await host.Clock.WaitForIoAsync(() => host.Rejections.All.Count > 0, TimeSpan.FromSeconds(1));
        var response = await sending.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(HttpStatusCode.RequestTimeout, response.StatusCode);
        Assert.Equal(new FaxWebhookRejection("fake", "default", 408, "the body was not received in time"), Assert.Single(host.Rejections.All));
        Assert.Equal(0, receiver.AuthenticateCalls);
        body.Release();
    }

    [Theory]
    [InlineData("urlencoded")]
    [InlineData("multipart")]
    public async Task A_form_with_thousands_of_fields_is_refused_413_before_authentication(string kind)
    {
        var receiver = new FakeReceiver { MaxBody = 1024 * 1024 };
        await using var host = await WebhookHost.StartAsync(WebhookHost.Register(receiver));
        HttpContent content;
        if (kind == "urlencoded")
        {
            content = new StringContent(string.Join('&', Enumerable.Range(0, 5000).Select(i => $"f{i}=1")), Encoding.UTF8, "application/x-www-form-urlencoded");
        }
        else
        {
            var multipart = new MultipartFormDataContent("fieldsboundary");
            for (var i = 0; i < 5000; i++)
            {
                multipart.Add(new StringContent("1"), $"f{i}");
            }

            content = multipart;
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, "/faxsdk/hooks/fake") { Content = content };
        request.Headers.Add(FakeReceiver.SignatureHeader, "00");
        var response = await host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(new FaxWebhookRejection("fake", "default", 413, "the form has more than 200 fields"), Assert.Single(host.Rejections.All));
        Assert.Equal(0, receiver.AuthenticateCalls);
        await MapFaxWebhooksTests.AssertNothingPushedAsync(host, receiver);
    }

    [Fact]
    public async Task A_full_queue_answers_503_with_Retry_After_and_queued_pushes_are_still_delivered()
    {
        var receiver = new FakeReceiver();
        var settings = WebhookHost.DefaultSettings();
        settings["FaxSdk:Webhooks:QueueCapacity"] = "1";
        await using var host = await WebhookHost.StartAsync(settings, kestrel: false, WebhookHost.Register(receiver));
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        host.Inbox.StatusPushed += (_, _) =>
        {
            entered.TrySetResult();
            release.Task.Wait(TimeSpan.FromSeconds(30));
        };

        using var first = WebhookHost.SignedPush(receiver, "1", "InProgress");
        Assert.Equal(HttpStatusCode.Accepted, (await host.Client.SendAsync(first)).StatusCode);
        await entered.Task.WaitAsync(TimeSpan.FromSeconds(30)); // the one worker is busy with it
        using var second = WebhookHost.SignedPush(receiver, "2", "InProgress");
        Assert.Equal(HttpStatusCode.Accepted, (await host.Client.SendAsync(second)).StatusCode); // fills the queue
        using var third = WebhookHost.SignedPush(receiver, "3", "InProgress");
        var refused = await host.Client.SendAsync(third);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(60), refused.Headers.RetryAfter?.Delta);
        release.SetResult();
        await host.WhenPushedAsync(2);
        Assert.Equal(["1", "2"], host.Pushed.Select(u => u.Job.JobId));
    }

    /// <summary>A body of <paramref name="totalBytes"/> bytes handed out at most <paramref name="chunk"/> at a time, counting what was asked for.</summary>
    private sealed class CountingStream(long totalBytes, int chunk) : Stream
    {
        private long _read;

        public long BytesRead => Interlocked.Read(ref _read);

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = (int)Math.Min(Math.Min(count, chunk), totalBytes - _read);
            buffer.AsSpan(offset, n).Fill((byte)'a');
            Interlocked.Add(ref _read, n);
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    /// <summary>Sends a few bytes, then nothing until released (or the request is abandoned).</summary>
    private sealed class StallingContent(byte[] start) : HttpContent
    {
        private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task Started => _started.Task;

        public void Release() => _release.TrySetResult();

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            await stream.WriteAsync(start);
            await stream.FlushAsync();
            _started.TrySetResult();
            await _release.Task;
        }

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
