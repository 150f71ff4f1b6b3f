using System.Net;
using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.Memory;
using Microsoft.Extensions.DependencyInjection;

namespace FaxSdk.AspNetCore.Tests;

/// <summary>
/// The real Phaxio receiver (FaxSdk.Phaxio) behind MapFaxWebhooks: requests signed with Phaxio's documented recipe by
/// this test, and every way of getting it wrong. Nothing refused reaches FaxStatusClient.Pushes.
/// </summary>
public class PhaxioHostSecurityTests
{
    private const string Token = "new-webhook-token-4f9c2a";
    private const string OldToken = "old-webhook-token-77e1b0";
    private const string Path = "/faxsdk/hooks/phaxio";
    private const string PublicUrl = WebhookHost.PublicBase + Path;

    private static Dictionary<string, string?> Settings(string? previousToken = null)
    {
        var settings = WebhookHost.DefaultSettings();
        settings["FaxSdk:Phaxio:ApiKey"] = "phaxio-api-key-0001";
        settings["FaxSdk:Phaxio:ApiSecret"] = "phaxio-api-secret-0001";
        settings["FaxSdk:Phaxio:Webhooks:Enabled"] = "true";
        settings["FaxSdk:Phaxio:Webhooks:Token"] = Token;
        settings["FaxSdk:Phaxio:Webhooks:PreviousToken"] = previousToken;
        return settings;
    }

    private static Task<WebhookHost> StartAsync(string? previousToken = null) =>
        WebhookHost.StartAsync(Settings(previousToken), kestrel: false, fax => fax.AddPhaxio());

    [Fact]
    public async Task A_fax_completed_multipart_signed_with_the_documented_recipe_is_accepted_as_a_signed_final_state()
    {
        await using var host = await StartAsync();
        var fields = PhaxioPushes.FaxCompleted(900001);
        using var request = PhaxioPushes.Multipart(Path + "?tenant=42", fields, [], PhaxioPushes.Sign(Token, PublicUrl + "?tenant=42", fields, []));

        var response = await host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await host.WhenPushedAsync(1);
        var update = Assert.Single(host.Pushed);
        Assert.Equal(new FaxJobReference("phaxio", "900001"), update.Job);
        Assert.Equal(FaxJobState.Succeeded, update.Status.State);
        Assert.True(host.Inbox.HasReceiver("phaxio"));
    }

    [Fact]
    public async Task A_url_encoded_send_callback_signed_with_the_recipe_is_accepted()
    {
        await using var host = await StartAsync();
        (string Name, string Value)[] fields = [("success", "true"), ("is_test", "false"), ("direction", "sent"), ("fax", PhaxioPushes.FaxJson(900002, "failure"))];
        var body = string.Join('&', fields.Select(f => $"{Uri.EscapeDataString(f.Name)}={Uri.EscapeDataString(f.Value)}"));
        using var request = new HttpRequestMessage(HttpMethod.Post, Path) { Content = new StringContent(body, Encoding.UTF8, "application/x-www-form-urlencoded") };
        request.Headers.Add(PhaxioPushes.SignatureHeader, PhaxioPushes.Sign(Token, PublicUrl, fields, []));

        Assert.Equal(HttpStatusCode.OK, (await host.Client.SendAsync(request)).StatusCode);
        await host.WhenPushedAsync(1);
        Assert.Equal(("900002", FaxJobState.Failed), (host.Pushed[0].Job.JobId, host.Pushed[0].Status.State));
    }

    [Fact]
    public async Task A_trailing_slash_in_the_called_url_is_part_of_what_is_signed()
    {
        await using var host = await StartAsync();
        var fields = PhaxioPushes.FaxCompleted(900050);
        using var withSlash = PhaxioPushes.Multipart(Path + "/", fields, [], PhaxioPushes.Sign(Token, PublicUrl + "/", fields, []));
        Assert.Equal(HttpStatusCode.OK, (await host.Client.SendAsync(withSlash)).StatusCode);

        var other = PhaxioPushes.FaxCompleted(900051);
        using var signedWithout = PhaxioPushes.Multipart(Path + "/", other, [], PhaxioPushes.Sign(Token, PublicUrl, other, []));
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.Client.SendAsync(signedWithout)).StatusCode);

        await host.WhenPushedAsync(1);
        Assert.Equal(["900050"], host.Pushed.Select(u => u.Job.JobId));
    }

    [Theory]
    [InlineData("tampered field", "signature mismatch")]
    [InlineData("tampered file", "signature mismatch")] // a received-fax push carries the PDF: its SHA-1 is signed
    [InlineData("wrong token", "signature mismatch")]
    [InlineData("missing", "missing signature")]
    [InlineData("truncated", "malformed signature")]
    [InlineData("old token after rotation", "signature mismatch")]
    [InlineData("different host", "signature mismatch")]
    [InlineData("query changed", "signature mismatch")]
    public async Task A_push_that_does_not_verify_is_refused_401_and_nothing_reaches_the_application(string attack, string reason)
    {
        await using var host = await StartAsync();
        var fields = PhaxioPushes.FaxCompleted(900100);
        var files = PhaxioPushes.Pdf;
        var signature = PhaxioPushes.Sign(Token, PublicUrl, fields, files);
        var path = Path;
        switch (attack)
        {
            case "tampered field":
                fields = PhaxioPushes.FaxCompleted(900100, "failure");
                break;
            case "tampered file":
                files = [("file", "fax.pdf", Encoding.ASCII.GetBytes("%PDF-1.4 another fax\n%%EOF"))];
                break;
            case "wrong token":
                signature = PhaxioPushes.Sign("not-the-token", PublicUrl, fields, files);
                break;
            case "missing":
                signature = null;
                break;
            case "truncated":
                signature = signature[..39];
                break;
            case "old token after rotation":
                signature = PhaxioPushes.Sign(OldToken, PublicUrl, fields, files);
                break;
            case "different host":
                signature = PhaxioPushes.Sign(Token, "https://attacker.example/base" + Path, fields, files);
                break;
            case "query changed":
                signature = PhaxioPushes.Sign(Token, PublicUrl + "?tenant=42", fields, files);
                path = Path + "?tenant=43";
                break;
        }

        using var request = PhaxioPushes.Multipart(path, fields, files, signature);
        request.Headers.Host = "attacker.example";
        var response = await host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(new FaxWebhookRejection("phaxio", "default", 401, reason), Assert.Single(host.Rejections.All));
        await AssertOnlyTheNextValidPushArrivesAsync(host);
        Assert.All(host.Logs.Entries, e =>
        {
            Assert.DoesNotContain(Token, e.Message, StringComparison.Ordinal);
            Assert.DoesNotContain("900100", e.Message, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task During_a_rotation_both_tokens_verify_and_after_it_ends_by_a_configuration_reload_only_the_new_one_does()
    {
        await using var host = await StartAsync(previousToken: OldToken);
        var fields = PhaxioPushes.FaxCompleted(900200);
        using var withOld = PhaxioPushes.Multipart(Path, fields, [], PhaxioPushes.Sign(OldToken, PublicUrl, fields, []));
        Assert.Equal(HttpStatusCode.OK, (await host.Client.SendAsync(withOld)).StatusCode);

        // The rotation ends: PreviousToken is removed from the configuration, which reloads.
        var memory = host.Configuration.Providers.OfType<MemoryConfigurationProvider>().Single(p => p.TryGet("FaxSdk:Phaxio:Webhooks:Token", out _));
        memory.Set("FaxSdk:Phaxio:Webhooks:PreviousToken", null);
        host.Configuration.Reload();

        var later = PhaxioPushes.FaxCompleted(900201);
        using var oldAgain = PhaxioPushes.Multipart(Path, later, [], PhaxioPushes.Sign(OldToken, PublicUrl, later, []));
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.Client.SendAsync(oldAgain)).StatusCode);
        using var withNew = PhaxioPushes.Multipart(Path, later, [], PhaxioPushes.Sign(Token, PublicUrl, later, []));
        Assert.Equal(HttpStatusCode.OK, (await host.Client.SendAsync(withNew)).StatusCode);

        await host.WhenPushedAsync(2);
        Assert.Equal(["900200", "900201"], host.Pushed.Select(u => u.Job.JobId));
    }

    [Fact]
    public async Task A_replayed_push_and_a_late_transmitting_page_are_answered_200_and_change_nothing()
    {
        await using var host = await StartAsync();
        var completed = PhaxioPushes.FaxCompleted(900300);
        for (var i = 0; i < 2; i++)
        {
            using var push = PhaxioPushes.Multipart(Path, completed, [], PhaxioPushes.Sign(Token, PublicUrl, completed, []));
            Assert.Equal(HttpStatusCode.OK, (await host.Client.SendAsync(push)).StatusCode);
        }

        (string Name, string Value)[] page = [("fax", PhaxioPushes.FaxJson(900300, "inprogress")), ("event_type", "transmitting_page"), ("page", "1"), ("recipient_phone_number", "+15555550123")];
        using var late = PhaxioPushes.Multipart(Path, page, [], PhaxioPushes.Sign(Token, PublicUrl, page, []));
        Assert.Equal(HttpStatusCode.OK, (await host.Client.SendAsync(late)).StatusCode);

        await AssertOnlyTheNextValidPushArrivesAsync(host, alreadyPushed: 1);
        Assert.Equal(FaxJobState.Succeeded, host.Pushed[0].Status.State);
    }

    /// <summary>Sends a valid push and waits for it: with one queue worker, anything queued before it would have arrived first.</summary>
    private static async Task AssertOnlyTheNextValidPushArrivesAsync(WebhookHost host, int alreadyPushed = 0)
    {
        var fields = PhaxioPushes.FaxCompleted(999999);
        using var marker = PhaxioPushes.Multipart(Path, fields, [], PhaxioPushes.Sign(Token, PublicUrl, fields, []));
        Assert.Equal(HttpStatusCode.OK, (await host.Client.SendAsync(marker)).StatusCode);
        await host.WhenPushedAsync(alreadyPushed + 1);
        Assert.Equal(alreadyPushed + 1, host.Pushed.Count);
        Assert.Equal("999999", host.Pushed[^1].Job.JobId);
    }
}
