using Faxolotl;
using FaxSdk;
using Microsoft.Extensions.Configuration;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers Faxolotl accounts with FaxSdk.</summary>
public static class FaxolotlFaxSdkBuilderExtensions
{
    /// <summary>Adds the Faxolotl account (instance <c>default</c>).</summary>
    /// <param name="builder">The FaxSdk builder from <c>services.AddFaxSdk()</c>.</param>
    /// <param name="configure">Sets the API key (and optionally the base address), applied after the <c>FaxSdk:Faxolotl</c> configuration section (when FaxSdk was added with configuration); optional when configuration supplies every setting.</param>
    /// <returns>The account's HttpClient builder, to add handlers (resilience, logging, test doubles).</returns>
    public static IHttpClientBuilder AddFaxolotl(this IFaxSdkBuilder builder, Action<FaxolotlOptions>? configure = null) =>
        builder.AddFaxolotl(FaxJobReference.DefaultInstance, configure);

    /// <summary>Adds one named Faxolotl account (several may be added under different names).</summary>
    /// <param name="builder">The FaxSdk builder from <c>services.AddFaxSdk()</c>.</param>
    /// <param name="instanceName">The account's name, used in <see cref="FaxJobReference.Instance"/>; configuration <c>FaxSdk:Faxolotl:Instances:{name}</c>.</param>
    /// <param name="configure">Sets the API key (and optionally the base address), applied after the instance's configuration section.</param>
    /// <returns>The account's HttpClient builder, to add handlers.</returns>
    public static IHttpClientBuilder AddFaxolotl(this IFaxSdkBuilder builder, string instanceName, Action<FaxolotlOptions>? configure = null) =>
        builder.AddProvider<FaxolotlStatusProvider, FaxolotlOptions>(
            FaxolotlProvider.Descriptor,
            instanceName,
            options =>
            {
                if (builder.GetProviderSection(FaxolotlProvider.Descriptor.ConfigurationSection, instanceName) is { } section)
                {
                    section.Bind(options);
                }

                configure?.Invoke(options);
            },
            (_, httpClient, options) => new FaxolotlStatusProvider(httpClient, options, instanceName),
            new FaxolotlOptionsValidator());
}
