using System.Net;
using System.Net.Http.Headers;

namespace FaxSdk.AspNetCore.Tests;

/// <summary>The same endpoints on a real Kestrel server on 127.0.0.1 (a free port).</summary>
public class KestrelWebhookTests
{
    [Fact]
    public async Task Kestrel_accepts_a_signed_push_and_refuses_oversized_bodies_declared_or_chunked()
    {
        var receiver = new FakeReceiver { MaxBody = 4096 };
        await using var host = await WebhookHost.StartAsync(WebhookHost.DefaultSettings(), kestrel: true, WebhookHost.Register(receiver));
        Assert.Equal(IPAddress.Loopback.ToString(), host.Client.BaseAddress!.Host);

        using var push = WebhookHost.SignedPush(receiver, "k1", "Succeeded", query: "?token=a%20b");
        Assert.Equal(HttpStatusCode.Accepted, (await host.Client.SendAsync(push)).StatusCode);
        await host.WhenPushedAsync(1);
        Assert.Equal(("k1", FaxJobState.Succeeded), (host.Pushed[0].Job.JobId, host.Pushed[0].Status.State));
        Assert.Equal(WebhookHost.PublicBase + "/faxsdk/hooks/fake?token=a%20b", receiver.LastRequest!.Url.OriginalString);

        // A secret path segment reaches the receiver as the caller escaped it (Kestrel keeps the raw target).
        using var secret = WebhookHost.SignedPush(receiver, "k2", "InProgress", "/faxsdk/hooks/fake/Zm9v%2Bbar");
        Assert.Equal(HttpStatusCode.Accepted, (await host.Client.SendAsync(secret)).StatusCode);
        Assert.Equal(WebhookHost.PublicBase + "/faxsdk/hooks/fake/Zm9v%2Bbar", receiver.LastRequest!.Url.OriginalString);

        using var declared = new HttpRequestMessage(HttpMethod.Post, "/faxsdk/hooks/fake") { Content = new ByteArrayContent(new byte[5000]) };
        var refused = await host.Client.SendAsync(declared);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, refused.StatusCode);
        Assert.True(refused.Headers.ConnectionClose, "the unread rest of the body leaves the connection unusable: it is closed");

        using var chunked = new HttpRequestMessage(HttpMethod.Post, "/faxsdk/hooks/fake") { Content = new StreamContent(new MemoryStream(new byte[200_000])) };
        chunked.Headers.TransferEncodingChunked = true;
        chunked.Content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        HttpStatusCode status;
        try
        {
            status = (await host.Client.SendAsync(chunked)).StatusCode;
        }
        catch (HttpRequestException)
        {
            // Kestrel may close the connection while the client is still sending the rest: then the refusal is all it saw.
            status = HttpStatusCode.RequestEntityTooLarge;
        }

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, status);
        Assert.Equal([413, 413], host.Rejections.All.Select(r => r.StatusCode));
        Assert.Equal(2, receiver.AuthenticateCalls);
    }
}
