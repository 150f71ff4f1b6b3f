using System.Net;
using FaxSdk;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Faxolotl.Tests;

public class FaxolotlStatusProviderTests
{
    private const string Key = "k3y-s3cret-axolotl";

    private static (FaxolotlStatusProvider Provider, FakeHttpHandler Handler) Create(HttpStatusCode status, string body, string mediaType = "application/json")
    {
        var handler = new FakeHttpHandler(status, body, mediaType);
        var options = new FaxolotlOptions { ApiKey = Key, BaseAddress = new Uri("https://api.faxolotl.example/") };
        return (new FaxolotlStatusProvider(new HttpClient(handler), options), handler);
    }

    [Fact]
    public async Task Reads_a_job_with_the_key_header_from_its_route()
    {
        var (provider, handler) = Create(HttpStatusCode.OK, Payloads.DoneOneBusy);

        var status = await provider.GetStatusAsync(new FaxJobReference("faxolotl", "fx_8Q2"));

        Assert.Equal(FaxJobState.PartiallySucceeded, status.State);
        var request = Assert.Single(handler.Requests);
        Assert.Equal(HttpMethod.Get, request.Method);
        Assert.Equal("https://api.faxolotl.example/v1/jobs/fx_8Q2", request.RequestUri!.AbsoluteUri);
        Assert.Equal([Key], request.Headers.GetValues(FaxolotlStatusProvider.ApiKeyHeader));
    }

    [Theory]
    [InlineData("..")]
    [InlineData(".")]
    [InlineData("")]
    public void A_job_id_that_would_leave_its_path_segment_is_refused_before_anything_is_sent(string jobId)
    {
        var (provider, handler) = Create(HttpStatusCode.OK, Payloads.Job("QUEUED"));

        Assert.Throws<FaxInvalidJobIdException>(() => new FaxJobReference("faxolotl", jobId));

        Assert.Empty(handler.Requests);
        GC.KeepAlive(provider);
    }

    [Theory]
    [InlineData("../admin", "/v1/jobs/..%2Fadmin")]
    [InlineData("a/b?c#d", "/v1/jobs/a%2Fb%3Fc%23d")]
    public async Task A_job_id_is_escaped_into_one_path_segment(string jobId, string expectedPath)
    {
        var (provider, handler) = Create(HttpStatusCode.OK, Payloads.Job("QUEUED"));

        await provider.GetStatusAsync(new FaxJobReference("faxolotl", jobId));

        var uri = Assert.Single(handler.Requests).RequestUri!;
        Assert.Equal(expectedPath, uri.AbsolutePath);
        Assert.Equal("", uri.Query);
    }

    [Fact]
    public async Task An_unknown_job_is_a_typed_not_found_error()
    {
        var (provider, _) = Create(HttpStatusCode.NotFound, """{ "error": "no such job" }""");

        var error = await Assert.ThrowsAsync<FaxJobNotFoundException>(() => provider.GetStatusAsync(new FaxJobReference("faxolotl", "fx_404")));

        Assert.Equal("faxolotl", error.Provider);
        Assert.Equal("fx_404", error.JobId);
        Assert.Equal(HttpStatusCode.NotFound, error.StatusCode);
    }

    [Fact]
    public async Task A_refused_key_is_a_typed_authentication_error_without_the_key()
    {
        var (provider, _) = Create(HttpStatusCode.Unauthorized, $$"""{ "error": "bad key", "api_key": "{{Key}}" }""");

        var error = await Assert.ThrowsAsync<FaxAuthenticationException>(() => provider.GetStatusAsync(new FaxJobReference("faxolotl", "fx_1")));

        Assert.False(error.IsForbidden);
        Assert.DoesNotContain(Key, error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(Key, error.ResponseExcerpt ?? "", StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{ \"job\": \"fx_1\", \"state\": \"DONE\"", "application/json")]
    [InlineData("<html><title>Maintenance</title></html>", "text/html")]
    public async Task A_bad_body_is_a_typed_protocol_error(string body, string mediaType)
    {
        var (provider, _) = Create(HttpStatusCode.OK, body, mediaType);

        await Assert.ThrowsAsync<FaxProtocolException>(() => provider.GetStatusAsync(new FaxJobReference("faxolotl", "fx_1")));
    }

    [Fact]
    public async Task A_server_error_is_a_typed_unavailable_error()
    {
        var (provider, _) = Create(HttpStatusCode.ServiceUnavailable, "down");

        await Assert.ThrowsAsync<FaxProviderUnavailableException>(() => provider.GetStatusAsync(new FaxJobReference("faxolotl", "fx_1")));
    }

    [Fact]
    public async Task A_job_of_another_provider_is_refused_before_any_request()
    {
        var (provider, handler) = Create(HttpStatusCode.OK, Payloads.Job("DONE"));

        await Assert.ThrowsAsync<ArgumentException>(() => provider.GetStatusAsync(new FaxJobReference("phaxio", "1")));
        Assert.Empty(handler.Requests);
    }

    [Fact]
    public async Task Registered_with_AddFaxSdk_it_is_resolved_and_uses_the_HttpClient_pipeline()
    {
        var handler = new FakeHttpHandler(HttpStatusCode.OK, Payloads.Job("SENDING", "DIALING"));
        var services = new ServiceCollection();
        services.AddFaxSdk()
            .AddFaxolotl(o => o.ApiKey = Key)
            .ConfigurePrimaryHttpMessageHandler(() => handler);
        await using var serviceProvider = services.BuildServiceProvider();

        var provider = serviceProvider.GetRequiredService<IFaxStatusProviderResolver>().GetProvider("faxolotl");
        var status = await provider.GetStatusAsync(new FaxJobReference("faxolotl", "fx_1"));

        Assert.IsType<FaxolotlStatusProvider>(provider);
        Assert.Equal(FaxJobState.InProgress, status.State);
        Assert.Equal("https://api.faxolotl.example/v1/jobs/fx_1", Assert.Single(handler.Requests).RequestUri!.AbsoluteUri);
    }

    [Fact]
    public async Task A_registration_without_a_key_fails_validation_with_a_clear_message()
    {
        var services = new ServiceCollection();
        services.AddFaxSdk().AddFaxolotl(_ => { });
        await using var serviceProvider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() =>
            serviceProvider.GetRequiredService<IFaxStatusProviderResolver>().GetProvider("faxolotl"));

        Assert.Equal(["The FaxSdk:Faxolotl:ApiKey field is required."], error.Failures);
    }

    [Fact]
    public void Configured_instances_are_registered_from_the_descriptor_and_FaxSdk_checks_their_Resilience_section_at_start()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["FaxSdk:Faxolotl:ApiKey"] = Key,
            ["FaxSdk:Faxolotl:Instances:eu:ApiKey"] = Key,
            ["FaxSdk:Faxolotl:Instances:eu:Resilience:MaxRetryAttempts"] = "500",
        }).Build();
        var services = new ServiceCollection();

        var added = FaxolotlProvider.Descriptor.AddConfiguredInstances(services.AddFaxSdk(configuration));
        using var serviceProvider = services.BuildServiceProvider();
        var error = Assert.Throws<OptionsValidationException>(() => serviceProvider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Equal(["default", "eu"], added);
        Assert.Equal(["The field FaxSdk:Faxolotl:Instances:eu:Resilience:MaxRetryAttempts must be between 0 and 100."], error.Failures);
    }

    [Fact]
    public void The_descriptor_reads_stored_payloads()
    {
        var status = Assert.Single(FaxolotlProvider.Descriptor.ParsePayload(System.Text.Encoding.UTF8.GetBytes(Payloads.Job("SENDING", "DIALING"))));

        Assert.Equal((FaxolotlStatusParser.ProviderId, FaxJobState.InProgress), (status.Provider, status.State));
    }
}
