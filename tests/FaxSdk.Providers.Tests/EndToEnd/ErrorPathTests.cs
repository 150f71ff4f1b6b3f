using System.Net;
using FaxSdk.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace FaxSdk.Providers.Tests.EndToEnd;

/// <summary>Credentials, unknown jobs, sandbox mismatch, escaped ids and bad bodies, through the real clients.</summary>
public class ErrorPathTests
{
    private const string WrongSecret = "wrong-secret-value";

    [Theory]
    [InlineData("phaxio", "1")]
    [InlineData("stonefax", "IAS-1")]
    [InlineData("pantarey", "p-1")]
    public async Task Wrong_credentials_are_authentication_errors_without_the_secret(string provider, string jobId)
    {
        await using var fixture = await EmulatorFixture.StartAsync(extra: (fax, emulator) =>
        {
            fax.AddPhaxio("bad", o => { o.BaseAddress = emulator.PhaxioBaseAddress; o.ApiKey = emulator.Credentials.PhaxioApiKey; o.ApiSecret = WrongSecret; });
            fax.AddStoneFax("bad", o => { o.BaseAddress = emulator.StoneFaxBaseAddress; o.Username = emulator.Credentials.StoneFaxUsername; o.Password = WrongSecret; });
            fax.AddPantarey("bad", o => { o.BaseAddress = emulator.PantareyEndpoint; o.BearerToken = WrongSecret; });
        });
        var job = fixture.Emulator.AddJob(EmulatedJob.Succeeds(provider, jobId));

        var exception = await Assert.ThrowsAsync<FaxAuthenticationException>(() => fixture.StatusAsync(job, "bad"));

        Assert.Equal(HttpStatusCode.Unauthorized, exception.StatusCode);
        Assert.False(exception.IsForbidden);
        Assert.DoesNotContain(WrongSecret, exception.ToString(), StringComparison.Ordinal);
        Assert.Equal(job.JobId, (await fixture.StatusAsync(job)).JobId); // the correctly configured instance still gets in
    }

    [Fact]
    public async Task StoneFax_user_without_the_privilege_is_forbidden()
    {
        await using var fixture = await EmulatorFixture.StartAsync(extra: (fax, emulator) => fax.AddStoneFax("lowly", o =>
        {
            o.BaseAddress = emulator.StoneFaxBaseAddress;
            o.Username = emulator.Credentials.StoneFaxUnprivilegedUsername;
            o.Password = emulator.Credentials.StoneFaxPassword;
        }));
        var job = fixture.Emulator.AddJob(EmulatedJob.Succeeds("stonefax", "IAS-2"));

        var exception = await Assert.ThrowsAsync<FaxAuthenticationException>(() => fixture.StatusAsync(job, "lowly"));

        Assert.True(exception.IsForbidden);
        Assert.Equal(HttpStatusCode.Forbidden, exception.StatusCode);
    }

    [Theory]
    [InlineData("phaxio")]
    [InlineData("stonefax")]
    [InlineData("pantarey")]
    public async Task Unknown_jobs_are_not_found(string provider)
    {
        await using var fixture = await EmulatorFixture.StartAsync();

        var exception = await Assert.ThrowsAsync<FaxJobNotFoundException>(() =>
            fixture.Resolver.GetProvider(provider).GetStatusAsync(new FaxJobReference(provider, "nope")));

        Assert.Equal("nope", exception.JobId);
        Assert.Equal(HttpStatusCode.NotFound, exception.StatusCode);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Pantarey_sandbox_and_live_jobs_are_only_found_in_their_own_mode(bool createdAsTest)
    {
        await using var fixture = await EmulatorFixture.StartAsync();
        var job = fixture.Emulator.AddJob(EmulatedJob.Succeeds("pantarey", "mode-1") with { IsTest = createdAsTest });
        var provider = fixture.Resolver.GetProvider("pantarey");

        var found = await provider.GetStatusAsync(new FaxJobReference("pantarey", job.JobId, isTest: createdAsTest));
        var exception = await Assert.ThrowsAsync<FaxJobNotFoundException>(() =>
            provider.GetStatusAsync(new FaxJobReference("pantarey", job.JobId, isTest: !createdAsTest)));

        Assert.Equal(createdAsTest, found.IsTest);
        Assert.Contains("IsTest", exception.Message, StringComparison.Ordinal);
        Assert.Contains(createdAsTest ? "live (test: false)" : "sandbox (test: true)", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("phaxio", "a/b", "/phaxio/v2.1/faxes/a%2Fb")]
    [InlineData("phaxio", "../../admin", "/phaxio/v2.1/faxes/..%2F..%2Fadmin")]
    [InlineData("phaxio", "50% off", "/phaxio/v2.1/faxes/50%25%20off")]
    [InlineData("stonefax", "x?y=1#z", "/stonefax/fw/Apps/StoneFax/WebAPI/Faxes/Outbound/x%3Fy%3D1%23z")]
    [InlineData("stonefax", "...", "/stonefax/fw/Apps/StoneFax/WebAPI/Faxes/Outbound/...")]
    public async Task Hostile_ids_reach_the_server_as_one_escaped_segment(string provider, string jobId, string expectedTarget)
    {
        await using var fixture = await EmulatorFixture.StartAsync();
        var job = fixture.Emulator.AddJob(EmulatedJob.Succeeds(provider, jobId));

        var status = await fixture.StatusAsync(job);

        Assert.Equal(jobId, status.JobId);
        var request = Assert.Single(fixture.Emulator.Requests);
        Assert.Equal(expectedTarget, request.RawTarget);
        Assert.Equal(200, request.StatusCode);
    }

    [Theory]
    [InlineData("phaxio", ".")]
    [InlineData("retarus", ".")]
    [InlineData("stonefax", "..")]
    [InlineData("pantarey", "")]
    [InlineData("concord", "br\u0007x")]
    public async Task Dot_segments_empty_ids_and_control_characters_are_refused_before_anything_is_sent(string provider, string jobId)
    {
        await using var fixture = await EmulatorFixture.StartAsync();
        var resolved = fixture.Resolver.GetProvider(provider);

        var exception = Assert.Throws<FaxInvalidJobIdException>(() => new FaxJobReference(provider, jobId));
        Assert.Empty(fixture.Emulator.Requests);
        var good = await resolved.GetStatusAsync(new FaxJobReference(provider, fixture.Emulator.AddJob(EmulatedJob.Succeeds(provider, "good-1")).JobId));

        Assert.Equal(jobId, exception.JobId);
        Assert.DoesNotContain('\u0007', exception.Message);
        Assert.IsAssignableFrom<ArgumentException>(exception);
        Assert.Equal("good-1", good.JobId);
    }

    [Fact]
    public async Task A_handler_added_through_the_returned_builder_sees_every_request_and_html_pages_are_protocol_errors()
    {
        await using var emulator = await FaxEmulator.StartAsync();
        var services = new ServiceCollection();
        services.AddFaxSdk()
            .AddPhaxio(o =>
            {
                o.BaseAddress = emulator.PhaxioBaseAddress;
                o.ApiKey = emulator.Credentials.PhaxioApiKey;
                o.ApiSecret = emulator.Credentials.PhaxioApiSecret;
            })
            .AddHttpMessageHandler(() => new HtmlGatewayHandler());
        await using var provider = services.BuildServiceProvider();

        var exception = await Assert.ThrowsAsync<FaxProtocolException>(() =>
            provider.GetRequiredService<IFaxStatusProviderResolver>().GetProvider("phaxio").GetStatusAsync(new FaxJobReference("phaxio", "1")));

        Assert.Contains("HTML", exception.Message, StringComparison.Ordinal);
        Assert.Contains("Bad Gateway", exception.Message, StringComparison.Ordinal);
        Assert.Empty(emulator.Requests);
    }

    private sealed class HtmlGatewayHandler : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK)
            {
                Content = new StringContent("<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>", System.Text.Encoding.UTF8, "text/html"),
            });
    }
}
