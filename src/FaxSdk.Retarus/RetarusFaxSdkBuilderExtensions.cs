using FaxSdk;
using Microsoft.Extensions.Configuration;
using FaxSdk.Retarus;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers Retarus accounts with FaxSdk.</summary>
public static class RetarusFaxSdkBuilderExtensions
{
    /// <summary>Adds the Retarus account (instance <c>default</c>).</summary>
    /// <param name="builder">The FaxSdk builder from <c>services.AddFaxSdk()</c>.</param>
    /// <param name="configure">Sets region, customer number, user and password, applied after the <c>FaxSdk:Retarus</c> configuration section (when FaxSdk was added with configuration); optional when configuration supplies every setting.</param>
    /// <returns>The account's HttpClient builder, to add handlers.</returns>
    public static IHttpClientBuilder AddRetarus(this IFaxSdkBuilder builder, Action<RetarusOptions>? configure = null) =>
        builder.AddRetarus(FaxJobReference.DefaultInstance, configure);

    /// <summary>Adds one named Retarus account.</summary>
    /// <param name="builder">The FaxSdk builder from <c>services.AddFaxSdk()</c>.</param>
    /// <param name="instanceName">The account's name, used in <see cref="FaxJobReference.Instance"/>.</param>
    /// <param name="configure">Sets region, customer number, user and password, applied after the instance's configuration section (<c>FaxSdk:Retarus</c> for <c>default</c>, else <c>FaxSdk:Retarus:Instances:{instanceName}</c>; when FaxSdk was added with configuration); optional when configuration supplies every setting.</param>
    /// <returns>The account's HttpClient builder, to add handlers.</returns>
    /// <remarks>Also registers the account's HTTP status push receiver (a <see cref="FaxWebhookRegistration"/>), created
    /// only while <see cref="RetarusOptions.Webhooks"/> is enabled.</remarks>
    public static IHttpClientBuilder AddRetarus(this IFaxSdkBuilder builder, string instanceName, Action<RetarusOptions>? configure = null)
    {
        var http = builder.AddProvider<RetarusStatusProvider, RetarusOptions>(
            RetarusProvider.Descriptor,
            instanceName,
            options =>
            {
                if (builder.GetProviderSection(RetarusProvider.Descriptor.ConfigurationSection, instanceName) is { } section)
                {
                    section.Bind(options);
                }

                configure?.Invoke(options);
            },
            (services, httpClient, options) => new RetarusStatusProvider(httpClient, options, instanceName, services.GetService(typeof(TimeProvider)) as TimeProvider),
            new RetarusOptionsValidator());
        var optionsName = FaxSdkServiceCollectionExtensions.OptionsName(RetarusStatusParser.ProviderId, instanceName);
        builder.Services.AddSingleton(new FaxWebhookRegistration(RetarusStatusParser.ProviderId, instanceName, services =>
            services.GetRequiredService<IOptionsMonitor<RetarusOptions>>().Get(optionsName).Webhooks is { Enabled: true } webhooks
                ? new RetarusWebhookReceiver(webhooks, instanceName)
                : null));
        return http;
    }
}
