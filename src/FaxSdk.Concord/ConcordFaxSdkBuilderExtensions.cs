using FaxSdk;
using Microsoft.Extensions.Configuration;
using FaxSdk.Concord;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers Concord accounts with FaxSdk.</summary>
public static class ConcordFaxSdkBuilderExtensions
{
    /// <summary>Adds the Concord account (instance <c>default</c>).</summary>
    /// <param name="builder">The FaxSdk builder from <c>services.AddFaxSdk()</c>.</param>
    /// <param name="configure">Sets the user id and the access token (or the deprecated PIN), applied after the <c>FaxSdk:Concord</c> configuration section (when FaxSdk was added with configuration); optional when configuration supplies every setting.</param>
    /// <returns>The account's HttpClient builder, to add handlers.</returns>
    public static IHttpClientBuilder AddConcord(this IFaxSdkBuilder builder, Action<ConcordOptions>? configure = null) =>
        builder.AddConcord(FaxJobReference.DefaultInstance, configure);

    /// <summary>Adds one named Concord account.</summary>
    /// <param name="builder">The FaxSdk builder from <c>services.AddFaxSdk()</c>.</param>
    /// <param name="instanceName">The account's name, used in <see cref="FaxJobReference.Instance"/>.</param>
    /// <param name="configure">Sets the user id and the access token (or the deprecated PIN), applied after the <c>FaxSdk:Concord</c> configuration section (when FaxSdk was added with configuration); optional when configuration supplies every setting.</param>
    /// <returns>The account's HttpClient builder, to add handlers.</returns>
    /// <remarks>Also registers the account's push notification receiver (a <see cref="FaxWebhookRegistration"/>), created
    /// only while <see cref="ConcordOptions.Webhooks"/> is enabled.</remarks>
    public static IHttpClientBuilder AddConcord(this IFaxSdkBuilder builder, string instanceName, Action<ConcordOptions>? configure = null)
    {
        var http = builder.AddProvider<ConcordStatusProvider, ConcordOptions>(
            ConcordProvider.Descriptor,
            instanceName,
            options =>
            {
                if (builder.GetProviderSection(ConcordProvider.Descriptor.ConfigurationSection, instanceName) is { } section)
                {
                    section.Bind(options);
                }

                configure?.Invoke(options);
            },
            (services, httpClient, options) => new ConcordStatusProvider(httpClient, options, instanceName,
                (services.GetService(typeof(ILoggerFactory)) as ILoggerFactory)?.CreateLogger<ConcordStatusProvider>()),
            new ConcordOptionsValidator());
        var optionsName = FaxSdkServiceCollectionExtensions.OptionsName(ConcordStatusParser.ProviderId, instanceName);
        builder.Services.AddSingleton(new FaxWebhookRegistration(ConcordStatusParser.ProviderId, instanceName, services =>
            services.GetRequiredService<IOptionsMonitor<ConcordOptions>>().Get(optionsName).Webhooks is { Enabled: true } webhooks
                ? new ConcordWebhookReceiver(webhooks, instanceName)
                : null));
        return http;
    }
}
