using FaxSdk;
using Microsoft.Extensions.Configuration;
using FaxSdk.Pantarey;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers Pantarey endpoints with FaxSdk.</summary>
public static class PantareyFaxSdkBuilderExtensions
{
    /// <summary>Adds the Pantarey endpoint (instance <c>default</c>).</summary>
    /// <param name="builder">The FaxSdk builder from <c>services.AddFaxSdk()</c>.</param>
    /// <param name="configure">Sets the endpoint and its credentials, applied after the <c>FaxSdk:Pantarey</c> configuration section (when FaxSdk was added with configuration); optional when configuration supplies every setting.</param>
    /// <returns>The endpoint's HttpClient builder, to add handlers.</returns>
    public static IHttpClientBuilder AddPantarey(this IFaxSdkBuilder builder, Action<PantareyOptions>? configure = null) =>
        builder.AddPantarey(FaxJobReference.DefaultInstance, configure);

    /// <summary>Adds one named Pantarey endpoint.</summary>
    /// <param name="builder">The FaxSdk builder from <c>services.AddFaxSdk()</c>.</param>
    /// <param name="instanceName">The endpoint's name, used in <see cref="FaxJobReference.Instance"/>.</param>
    /// <param name="configure">Sets the endpoint and its credentials, applied after the instance's configuration section (<c>FaxSdk:Pantarey</c> for <c>default</c>, else <c>FaxSdk:Pantarey:Instances:{instanceName}</c>; when FaxSdk was added with configuration); optional when configuration supplies every setting.</param>
    /// <returns>The endpoint's HttpClient builder, to add handlers.</returns>
    /// <remarks>Also registers the endpoint's status push receiver (a <see cref="FaxWebhookRegistration"/>), created
    /// only while <see cref="PantareyOptions.Webhooks"/> is enabled.</remarks>
    public static IHttpClientBuilder AddPantarey(this IFaxSdkBuilder builder, string instanceName, Action<PantareyOptions>? configure = null)
    {
        var http = builder.AddProvider<PantareyStatusProvider, PantareyOptions>(
            PantareyProvider.Descriptor,
            instanceName,
            options =>
            {
                if (builder.GetProviderSection(PantareyProvider.Descriptor.ConfigurationSection, instanceName) is { } section)
                {
                    section.Bind(options);
                }

                configure?.Invoke(options);
            },
            (_, httpClient, options) => new PantareyStatusProvider(httpClient, options, instanceName),
            new PantareyOptionsValidator());
        var optionsName = FaxSdkServiceCollectionExtensions.OptionsName(PantareyStatusParser.ProviderId, instanceName);
        builder.Services.AddSingleton(new FaxWebhookRegistration(PantareyStatusParser.ProviderId, instanceName, services =>
            services.GetRequiredService<IOptionsMonitor<PantareyOptions>>().Get(optionsName).Webhooks is { Enabled: true } webhooks
                ? new PantareyWebhookReceiver(webhooks, instanceName)
                : null));
        return http;
    }
}
