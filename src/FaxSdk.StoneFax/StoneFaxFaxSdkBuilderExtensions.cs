using FaxSdk;
using FaxSdk.StoneFax;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers Imagicle StoneFax servers with FaxSdk.</summary>
public static class StoneFaxFaxSdkBuilderExtensions
{
    /// <summary>Adds the StoneFax server (instance <c>default</c>).</summary>
    /// <param name="builder">The FaxSdk builder from <c>services.AddFaxSdk()</c>.</param>
    /// <param name="configure">Sets the server address, user, password and time zone.</param>
    /// <returns>The server's HttpClient builder, to add handlers.</returns>
    public static IHttpClientBuilder AddStoneFax(this IFaxSdkBuilder builder, Action<StoneFaxOptions> configure) =>
        builder.AddStoneFax(FaxJobReference.DefaultInstance, configure);

    /// <summary>Adds one named StoneFax server.</summary>
    /// <param name="builder">The FaxSdk builder from <c>services.AddFaxSdk()</c>.</param>
    /// <param name="instanceName">The server's name, used in <see cref="FaxJobReference.Instance"/>.</param>
    /// <param name="configure">Sets the server address, user, password and time zone.</param>
    /// <returns>The server's HttpClient builder, to add handlers.</returns>
    public static IHttpClientBuilder AddStoneFax(this IFaxSdkBuilder builder, string instanceName, Action<StoneFaxOptions> configure) =>
        builder.AddProvider<StoneFaxStatusProvider, StoneFaxOptions>(
            StoneFaxStatusParser.ProviderId,
            instanceName,
            configure,
            (_, httpClient, options) => new StoneFaxStatusProvider(httpClient, options, instanceName));
}
