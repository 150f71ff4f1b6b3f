using FaxSdk;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using FaxSdk.Phaxio;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers Phaxio accounts with FaxSdk.</summary>
public static class PhaxioFaxSdkBuilderExtensions
{
    /// <summary>Adds the Phaxio account (instance <c>default</c>).</summary>
    /// <param name="builder">The FaxSdk builder from <c>services.AddFaxSdk()</c>.</param>
    /// <param name="configure">Sets the API key and secret (and optionally the base address), applied after the <c>FaxSdk:Phaxio</c> configuration section (when FaxSdk was added with configuration); optional when configuration supplies every setting.</param>
    /// <returns>The account's HttpClient builder, to add handlers.</returns>
    public static IHttpClientBuilder AddPhaxio(this IFaxSdkBuilder builder, Action<PhaxioOptions>? configure = null) =>
        builder.AddPhaxio(FaxJobReference.DefaultInstance, configure);

    /// <summary>Adds one named Phaxio account (several may be added under different names).</summary>
    /// <param name="builder">The FaxSdk builder from <c>services.AddFaxSdk()</c>.</param>
    /// <param name="instanceName">The account's name, used in <see cref="FaxJobReference.Instance"/>.</param>
    /// <param name="configure">Sets the API key and secret (and optionally the base address), applied after the instance's configuration section (<c>FaxSdk:Phaxio</c> for <c>default</c>, else <c>FaxSdk:Phaxio:Instances:{instanceName}</c>; when FaxSdk was added with configuration); optional when configuration supplies every setting.</param>
    /// <returns>The account's HttpClient builder, to add handlers.</returns>
    /// <remarks>
    /// Also registers the instance's webhook receiver (a <see cref="FaxWebhookRegistration"/>): it is created only while
    /// <c>Webhooks:Enabled</c> is set, and reads the instance's current options (token, previous token, body limit) at
    /// each request.
    /// </remarks>
    public static IHttpClientBuilder AddPhaxio(this IFaxSdkBuilder builder, string instanceName, Action<PhaxioOptions>? configure = null)
    {
        var client = builder.AddProvider<PhaxioStatusProvider, PhaxioOptions>(
            PhaxioProvider.Descriptor,
            instanceName,
            options =>
            {
                if (builder.GetProviderSection(PhaxioProvider.Descriptor.ConfigurationSection, instanceName) is { } section)
                {
                    section.Bind(options);
                }

                configure?.Invoke(options);
            },
            (_, httpClient, options) => new PhaxioStatusProvider(httpClient, options, instanceName),
            new PhaxioOptionsValidator());

        var name = FaxSdkServiceCollectionExtensions.OptionsName(PhaxioProvider.Descriptor.Id, instanceName);
        builder.Services.AddSingleton(new FaxWebhookRegistration(PhaxioProvider.Descriptor.Id, instanceName, services =>
        {
            var monitor = services.GetRequiredService<IOptionsMonitor<PhaxioOptions>>();
            return monitor.Get(name).Webhooks is { Enabled: true }
                ? new PhaxioWebhookReceiver(() => monitor.Get(name).Webhooks ?? new PhaxioWebhookOptions(), instanceName)
                : null;
        }));
        return client;
    }
}
