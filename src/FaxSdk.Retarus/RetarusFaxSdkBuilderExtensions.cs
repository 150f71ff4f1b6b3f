using FaxSdk;
using Microsoft.Extensions.Configuration;
using FaxSdk.Retarus;

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
    public static IHttpClientBuilder AddRetarus(this IFaxSdkBuilder builder, string instanceName, Action<RetarusOptions>? configure = null) =>
        builder.AddProvider<RetarusStatusProvider, RetarusOptions>(
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
}
