using System.Net;
using FaxSdk.Transport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FaxSdk.Tests.Transport;

public sealed class EchoOptions : FaxProviderOptions
{
    public string Account { get; set; } = "";

    protected override IEnumerable<System.ComponentModel.DataAnnotations.ValidationResult> ValidateSettings() =>
        string.IsNullOrEmpty(Account) ? [new("is required.", [nameof(Account)])] : [];
}

/// <summary>A provider that reports which account and HttpClient it was built with.</summary>
public sealed class EchoProvider(HttpClient client, EchoOptions options, string instance) : IFaxStatusProvider
{
    public string ProviderId => "echo";

    public string InstanceName => instance;

    public HttpClient Client => client;

    public async Task<FaxJobStatus> GetStatusAsync(FaxJobReference job, CancellationToken cancellationToken = default)
    {
        var body = await FaxHttpRequests.SendAsync(client, new HttpRequestMessage(HttpMethod.Get, FaxUri.Combine(client.BaseAddress!, FaxUri.EscapePathSegment(job.JobId))), options, ProviderId, job.JobId, cancellationToken);
        return new FaxJobStatus { Provider = ProviderId, JobId = job.JobId, Detail = options.Account + ":" + System.Text.Encoding.UTF8.GetString(body) };
    }
}

/// <summary>A handler users would add through the returned IHttpClientBuilder.</summary>
public sealed class TaggingHandler(string tag) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(tag + " " + request.RequestUri!.AbsolutePath) });
}

public class DependencyInjectionTests
{
    internal static readonly FaxProviderDescriptor Echo = new("echo", "Echo", (builder, instance) => AddEcho(builder, instance, _ => { }));

    internal static IHttpClientBuilder AddEcho(IFaxSdkBuilder builder, string instance, Action<EchoOptions> configure) =>
        builder.AddProvider<EchoProvider, EchoOptions>(Echo, instance, configure, (_, client, options) => new EchoProvider(client, options, instance));

    [Fact]
    public async Task Two_named_instances_resolve_separately_with_their_own_options_and_handlers()
    {
        var services = new ServiceCollection();
        var fax = services.AddFaxSdk();
        AddEcho(fax, "default", o => { o.BaseAddress = new Uri("https://one.example/"); o.Account = "A"; })
            .ConfigurePrimaryHttpMessageHandler(() => new TaggingHandler("first"));
        AddEcho(fax, "second", o => { o.BaseAddress = new Uri("https://two.example/base/"); o.Account = "B"; })
            .ConfigurePrimaryHttpMessageHandler(() => new TaggingHandler("other"));
        await using var provider = services.BuildServiceProvider(validateScopes: true);
        var resolver = provider.GetRequiredService<IFaxStatusProviderResolver>();

        var one = await resolver.GetProvider("echo").GetStatusAsync(new FaxJobReference("echo", "j/1"));
        var two = await resolver.GetProvider("echo", "second").GetStatusAsync(new FaxJobReference("echo", "j2", "second"));

        Assert.Equal("A:first /j%2F1", one.Detail);
        Assert.Equal("B:other /base/j2", two.Detail);
        Assert.Equal(2, resolver.Registrations.Count);
    }

    [Fact]
    public void Unknown_provider_names_what_is_configured()
    {
        var services = new ServiceCollection();
        AddEcho(services.AddFaxSdk(), "default", o => o.Account = "A");
        using var provider = services.BuildServiceProvider();

        var exception = Assert.Throws<InvalidOperationException>(() => provider.GetRequiredService<IFaxStatusProviderResolver>().GetProvider("phaxio"));

        Assert.Contains("configured: echo/default", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_settings_fail_validation_with_messages_naming_the_configuration_path()
    {
        var services = new ServiceCollection();
        AddEcho(services.AddFaxSdk(), "billing", _ => { });
        using var provider = services.BuildServiceProvider();

        var exception = Assert.Throws<OptionsValidationException>(() =>
            provider.GetRequiredService<IOptionsMonitor<EchoOptions>>().Get(FaxSdkServiceCollectionExtensions.OptionsName("echo", "billing")));

        Assert.Contains("FaxSdk:Echo:Instances:billing:BaseAddress: is required.", exception.Failures);
        Assert.Contains("FaxSdk:Echo:Instances:billing:Account: is required.", exception.Failures);
    }

    [Fact]
    public void Insecure_remote_http_fails_validation()
    {
        var services = new ServiceCollection();
        AddEcho(services.AddFaxSdk(), "default", o => { o.BaseAddress = new Uri("http://fax.example/"); o.Account = "A"; });
        using var provider = services.BuildServiceProvider();

        var exception = Assert.Throws<OptionsValidationException>(() =>
            provider.GetRequiredService<IOptionsMonitor<EchoOptions>>().Get(FaxSdkServiceCollectionExtensions.OptionsName("echo", "default")));

        Assert.Contains(exception.Failures, f => f.Contains("refusing plain http", StringComparison.Ordinal));
    }

    [Fact]
    public void Registering_the_same_instance_twice_is_an_error()
    {
        var fax = new ServiceCollection().AddFaxSdk();
        AddEcho(fax, "default", o => o.Account = "A");

        Assert.Throws<InvalidOperationException>(() => AddEcho(fax, "default", o => o.Account = "B"));
    }
}
