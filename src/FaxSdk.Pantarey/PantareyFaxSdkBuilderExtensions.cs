using FaxSdk;
using FaxSdk.Pantarey;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers Pantarey endpoints with FaxSdk.</summary>
public static class PantareyFaxSdkBuilderExtensions
{
    /// <summary>Adds the Pantarey endpoint (instance <c>default</c>).</summary>
    /// <param name="builder">The FaxSdk builder from <c>services.AddFaxSdk()</c>.</param>
    /// <param name="configure">Sets the endpoint and its credentials.</param>
    /// <returns>The endpoint's HttpClient builder, to add handlers.</returns>
    public static IHttpClientBuilder AddPantarey(this IFaxSdkBuilder builder, Action<PantareyOptions> configure) =>
        builder.AddPantarey(FaxJobReference.DefaultInstance, configure);

    /// <summary>Adds one named Pantarey endpoint.</summary>
    /// <param name="builder">The FaxSdk builder from <c>services.AddFaxSdk()</c>.</param>
    /// <param name="instanceName">The endpoint's name, used in <see cref="FaxJobReference.Instance"/>.</param>
    /// <param name="configure">Sets the endpoint and its credentials.</param>
    /// <returns>The endpoint's HttpClient builder, to add handlers.</returns>
    public static IHttpClientBuilder AddPantarey(this IFaxSdkBuilder builder, string instanceName, Action<PantareyOptions> configure) =>
        builder.AddProvider<PantareyStatusProvider, PantareyOptions>(
            PantareyStatusParser.ProviderId,
            instanceName,
            configure,
            (_, httpClient, options) => new PantareyStatusProvider(httpClient, options, instanceName));
}
