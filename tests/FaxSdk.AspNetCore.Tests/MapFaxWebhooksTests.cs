using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FaxSdk.AspNetCore.Tests;

public class MapFaxWebhooksTests
{
    [Fact]
    public async Task Maps_the_default_and_named_instances_skips_disabled_ones_and_declares_the_receivers()
    {
        var main = new FakeReceiver();
        var eu = new FakeReceiver("eu");
        await using var host = await WebhookHost.StartAsync(
            WebhookHost.Register(main),
            WebhookHost.Register(eu, "eu"),
            WebhookHost.Register(null, "off"));

        var endpoints = host.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .Select(e => e.Metadata.GetMetadata<FaxWebhookEndpoint>())
            .OfType<FaxWebhookEndpoint>()
            .OrderBy(e => e.Path, StringComparer.Ordinal)
            .ToList();
        Assert.Equal(
            [new FaxWebhookEndpoint("fake", "default", "/faxsdk/hooks/fake"), new FaxWebhookEndpoint("fake", "eu", "/faxsdk/hooks/fake/eu")],
            endpoints);
        Assert.True(host.Inbox.HasReceiver("fake"));
        Assert.True(host.Inbox.HasReceiver("fake", "eu"));
        Assert.False(host.Inbox.HasReceiver("fake", "off"));

        using var toEu = WebhookHost.SignedPush(eu, "77", "InProgress", "/faxsdk/hooks/fake/eu");
        Assert.Equal(HttpStatusCode.Accepted, (await host.Client.SendAsync(toEu)).StatusCode);
        using var toOff = WebhookHost.SignedPush(main, "78", "InProgress", "/faxsdk/hooks/fake/off");
        Assert.Equal(HttpStatusCode.NotFound, (await host.Client.SendAsync(toOff)).StatusCode);

        await host.WhenPushedAsync(1);
        var update = Assert.Single(host.Pushed);
        Assert.Equal(new FaxJobReference("fake", "77", "eu"), update.Job);
        Assert.Equal(1, eu.ParseCalls);
        Assert.Equal(0, main.AuthenticateCalls);
    }

    [Fact]
    public async Task An_accepted_push_is_answered_with_the_receivers_status_code_and_reaches_StatusPushed_once()
    {
        var receiver = new FakeReceiver { Success = 204 };
        await using var host = await WebhookHost.StartAsync(WebhookHost.Register(receiver));

        using var first = WebhookHost.SignedPush(receiver, "1001", "Succeeded");
        using var again = WebhookHost.SignedPush(receiver, "1001", "Succeeded");
        using var late = WebhookHost.SignedPush(receiver, "1001", "InProgress");
        Assert.Equal(HttpStatusCode.NoContent, (await host.Client.SendAsync(first)).StatusCode);
        await host.WhenPushedAsync(1);

        // A replay and a late in-flight event are still answered as success (the provider must not retry them) and change nothing.
        Assert.Equal(HttpStatusCode.NoContent, (await host.Client.SendAsync(again)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await host.Client.SendAsync(late)).StatusCode);
        using var other = WebhookHost.SignedPush(receiver, "1002", "Failed");
        Assert.Equal(HttpStatusCode.NoContent, (await host.Client.SendAsync(other)).StatusCode);
        await host.WhenPushedAsync(2);

        Assert.Equal([("1001", FaxJobState.Succeeded), ("1002", FaxJobState.Failed)], host.Pushed.Select(u => (u.Job.JobId, u.Status.State)));
        Assert.Empty(host.Rejections.All);
    }

    [Fact]
    public async Task A_receiver_that_does_not_read_forms_gets_the_raw_body_and_no_form()
    {
        var receiver = new FakeReceiver { Forms = false };
        await using var host = await WebhookHost.StartAsync(WebhookHost.Register(receiver));

        using var request = WebhookHost.SignedPush(receiver, "5", "Succeeded");
        Assert.Equal(HttpStatusCode.Accepted, (await host.Client.SendAsync(request)).StatusCode);

        Assert.Null(receiver.LastRequest!.Form);
        Assert.Equal("job=5&state=Succeeded", System.Text.Encoding.UTF8.GetString(receiver.LastRequest.Body.Span));
        Assert.Equal("application/x-www-form-urlencoded", receiver.LastRequest.ContentType);
    }

    [Fact]
    public async Task A_push_the_receiver_cannot_parse_is_answered_400_with_a_short_reason_and_nothing_is_pushed()
    {
        var receiver = new FakeReceiver();
        await using var host = await WebhookHost.StartAsync(WebhookHost.Register(receiver));

        using var request = WebhookHost.SignedPush(receiver, "9", "NoSuchState");
        var response = await host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("unreadable push: the push has no job or no known state", (await response.Content.ReadAsStringAsync()).Trim());
        var rejection = Assert.Single(host.Rejections.All);
        Assert.Equal(new FaxWebhookRejection("fake", "default", 400, "unreadable push: the push has no job or no known state"), rejection);
        await AssertNothingPushedAsync(host, receiver);
    }

    [Fact]
    public async Task The_prefix_is_configurable_and_the_group_takes_conventions()
    {
        var receiver = new FakeReceiver();
        var app = WebhookHost.Build(WebhookHost.DefaultSettings(), kestrel: false, [WebhookHost.Register(receiver)], out _, out _, out _);
        await using (app)
        {
            var group = app.MapFaxWebhooks("/hooks/");
            group.WithMetadata("marker");
            await app.StartAsync();
            var endpoint = Assert.Single(app.Services.GetRequiredService<EndpointDataSource>().Endpoints, e => e.Metadata.GetMetadata<FaxWebhookEndpoint>() is not null);
            Assert.Equal("/hooks/fake", endpoint.Metadata.GetRequiredMetadata<FaxWebhookEndpoint>().Path);
            Assert.Contains("marker", endpoint.Metadata.OfType<string>());
            await app.StopAsync();
        }
    }

    [Fact]
    public async Task MapFaxWebhooks_without_AddFaxWebhooks_says_what_to_call()
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseTestServer();
        builder.Services.AddRoutingCore();
        builder.Services.AddFaxSdk();
        await using var app = builder.Build();

        var exception = Assert.Throws<InvalidOperationException>(() => app.MapFaxWebhooks());
        Assert.Contains("AddFaxWebhooks()", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, "FaxSdk:Webhooks:PublicBaseUrl is required: webhooks are enabled for fake/default")]
    [InlineData("/relative", "FaxSdk:Webhooks:PublicBaseUrl must be an absolute http or https URL")]
    [InlineData("ftp://hooks.example.com", "FaxSdk:Webhooks:PublicBaseUrl must be an absolute http or https URL")]
    [InlineData("https://hooks.example.com/?a=1", "FaxSdk:Webhooks:PublicBaseUrl must not have a query")]
    public async Task The_public_base_url_is_validated_at_start_when_a_receiver_is_enabled(string? url, string expected)
    {
        var settings = new Dictionary<string, string?> { ["FaxSdk:Webhooks:PublicBaseUrl"] = url };
        var exception = await Assert.ThrowsAsync<OptionsValidationException>(() => WebhookHost.StartAsync(settings, kestrel: false, WebhookHost.Register(new FakeReceiver())));
        Assert.Contains(exception.Failures, f => f.StartsWith(expected, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("FaxSdk:Webhooks:MaxFormFields", "0", "FaxSdk:Webhooks:MaxFormFields must be from 1 to 100000.")]
    [InlineData("FaxSdk:Webhooks:BodyReadTimeout", "00:00:00", "FaxSdk:Webhooks:BodyReadTimeout must be more than 0 and at most 00:10:00.")]
    [InlineData("FaxSdk:Webhooks:QueueCapacity", "0", "FaxSdk:Webhooks:QueueCapacity must be from 1 to 1000000.")]
    [InlineData("FaxSdk:Webhooks:QueueConcurrency", "65", "FaxSdk:Webhooks:QueueConcurrency must be from 1 to 64.")]
    public async Task Host_limits_are_validated_at_start_with_their_configuration_paths(string key, string value, string expected)
    {
        var settings = WebhookHost.DefaultSettings();
        settings[key] = value;
        var exception = await Assert.ThrowsAsync<OptionsValidationException>(() => WebhookHost.StartAsync(settings, kestrel: false, WebhookHost.Register(new FakeReceiver())));
        Assert.Equal([expected], exception.Failures);
    }

    [Fact]
    public async Task Without_an_enabled_receiver_no_public_base_url_is_needed_and_nothing_is_mapped()
    {
        await using var host = await WebhookHost.StartAsync(new Dictionary<string, string?>(), kestrel: false, WebhookHost.Register(null));

        Assert.DoesNotContain(host.Services.GetRequiredService<EndpointDataSource>().Endpoints, e => e.Metadata.GetMetadata<FaxWebhookEndpoint>() is not null);
        Assert.False(host.Inbox.HasReceiver("fake"));
    }

    /// <summary>Sends a valid push after the one under test and waits for it: the queue is FIFO, so had the first pushed anything, it would be there too.</summary>
    internal static async Task AssertNothingPushedAsync(WebhookHost host, FakeReceiver receiver, string path = "/faxsdk/hooks/fake")
    {
        var before = host.Pushed.Count;
        using var marker = WebhookHost.SignedPush(receiver, "marker-" + Guid.NewGuid().ToString("N"), "InProgress", path);
        Assert.True((await host.Client.SendAsync(marker)).IsSuccessStatusCode);
        await host.WhenPushedAsync(before + 1);
        var last = Assert.Single(host.Pushed.Skip(before));
        Assert.StartsWith("marker-", last.Job.JobId, StringComparison.Ordinal);
    }
}
