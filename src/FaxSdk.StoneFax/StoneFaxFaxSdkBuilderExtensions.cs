using FaxSdk;
using Microsoft.Extensions.Configuration;
using FaxSdk.StoneFax;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers Imagicle StoneFax servers with FaxSdk.</summary>
public static class StoneFaxFaxSdkBuilderExtensions
{
    /// <summary>Adds the StoneFax server (instance <c>default</c>).</summary>
    /// <param name="builder">The FaxSdk builder from <c>services.AddFaxSdk()</c>.</param>
    /// <param name="configure">Sets the server address, user, password and time zone, applied after the <c>FaxSdk:StoneFax</c> configuration section (when FaxSdk was added with configuration); optional when configuration supplies every setting.</param>
    /// <returns>The server's HttpClient builder, to add handlers.</returns>
    public static IHttpClientBuilder AddStoneFax(this IFaxSdkBuilder builder, Action<StoneFaxOptions>? configure = null) =>
        builder.AddStoneFax(FaxJobReference.DefaultInstance, configure);

    /// <summary>Adds one named StoneFax server.</summary>
    /// <param name="builder">The FaxSdk builder from <c>services.AddFaxSdk()</c>.</param>
    /// <param name="instanceName">The server's name, used in <see cref="FaxJobReference.Instance"/>.</param>
    /// <param name="configure">Sets the server address, user, password and time zone, applied after the <c>FaxSdk:StoneFax</c> configuration section (when FaxSdk was added with configuration); optional when configuration supplies every setting.</param>
    /// <returns>The server's HttpClient builder, to add handlers.</returns>
    public static IHttpClientBuilder AddStoneFax(this IFaxSdkBuilder builder, string instanceName, Action<StoneFaxOptions>? configure = null) =>
        builder.AddProvider<StoneFaxStatusProvider, StoneFaxOptions>(
            StoneFaxProvider.Descriptor,
            instanceName,
            options =>
            {
                if (builder.GetProviderSection(StoneFaxProvider.Descriptor.ConfigurationSection, instanceName) is { } section)
                {
                    section.Bind(options);
                    if (section["ServerTimeZone"] is { Length: > 0 } zone)
                    {
                        // TimeZoneInfo is not bindable: configuration names it by id ("Europe/Rome", "W. Europe Standard Time").
                        options.ServerTimeZone = TimeZoneInfo.FindSystemTimeZoneById(zone);
                    }
                }

                configure?.Invoke(options);
            },
            (_, httpClient, options) => new StoneFaxStatusProvider(httpClient, options, instanceName),
            new StoneFaxOptionsValidator());
}
