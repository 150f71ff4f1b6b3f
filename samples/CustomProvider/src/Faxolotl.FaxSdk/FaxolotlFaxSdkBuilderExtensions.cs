using Faxolotl;
using FaxSdk;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers Faxolotl accounts with FaxSdk.</summary>
public static class FaxolotlFaxSdkBuilderExtensions
{
    /// <summary>Adds the Faxolotl account (instance <c>default</c>).</summary>
    /// <param name="builder">The FaxSdk builder from <c>services.AddFaxSdk()</c>.</param>
    /// <param name="configure">Sets the API key (and optionally the base address).</param>
    /// <returns>The account's HttpClient builder, to add handlers (resilience, logging, test doubles).</returns>
    public static IHttpClientBuilder AddFaxolotl(this IFaxSdkBuilder builder, Action<FaxolotlOptions> configure) =>
        builder.AddFaxolotl(FaxJobReference.DefaultInstance, configure);

    /// <summary>Adds one named Faxolotl account (several may be added under different names).</summary>
    /// <param name="builder">The FaxSdk builder from <c>services.AddFaxSdk()</c>.</param>
    /// <param name="instanceName">The account's name, used in <see cref="FaxJobReference.Instance"/>.</param>
    /// <param name="configure">Sets the API key (and optionally the base address).</param>
    /// <returns>The account's HttpClient builder, to add handlers.</returns>
    public static IHttpClientBuilder AddFaxolotl(this IFaxSdkBuilder builder, string instanceName, Action<FaxolotlOptions> configure) =>
        builder.AddProvider<FaxolotlStatusProvider, FaxolotlOptions>(
            FaxolotlStatusParser.ProviderId,
            instanceName,
            configure,
            (_, httpClient, options) => new FaxolotlStatusProvider(httpClient, options, instanceName));
}
