using FaxSdk;
using FaxSdk.Phaxio;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers Phaxio accounts with FaxSdk.</summary>
public static class PhaxioFaxSdkBuilderExtensions
{
    /// <summary>Adds the Phaxio account (instance <c>default</c>).</summary>
    /// <param name="builder">The FaxSdk builder from <c>services.AddFaxSdk()</c>.</param>
    /// <param name="configure">Sets the API key and secret (and optionally the base address).</param>
    /// <returns>The account's HttpClient builder, to add handlers.</returns>
    public static IHttpClientBuilder AddPhaxio(this IFaxSdkBuilder builder, Action<PhaxioOptions> configure) =>
        builder.AddPhaxio(FaxJobReference.DefaultInstance, configure);

    /// <summary>Adds one named Phaxio account (several may be added under different names).</summary>
    /// <param name="builder">The FaxSdk builder from <c>services.AddFaxSdk()</c>.</param>
    /// <param name="instanceName">The account's name, used in <see cref="FaxJobReference.Instance"/>.</param>
    /// <param name="configure">Sets the API key and secret (and optionally the base address).</param>
    /// <returns>The account's HttpClient builder, to add handlers.</returns>
    public static IHttpClientBuilder AddPhaxio(this IFaxSdkBuilder builder, string instanceName, Action<PhaxioOptions> configure) =>
        builder.AddProvider<PhaxioStatusProvider, PhaxioOptions>(
            PhaxioStatusParser.ProviderId,
            instanceName,
            configure,
            (_, httpClient, options) => new PhaxioStatusProvider(httpClient, options, instanceName));
}
