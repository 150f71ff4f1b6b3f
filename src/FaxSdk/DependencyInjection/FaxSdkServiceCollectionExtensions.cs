using FaxSdk;
using FaxSdk.Resilience;
using FaxSdk.Transport;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers FaxSdk and, for provider packages, provider instances.</summary>
public static class FaxSdkServiceCollectionExtensions
{
    /// <summary>Adds the FaxSdk core services (the provider resolver). Safe to call more than once.</summary>
    /// <param name="services">The services.</param>
    /// <returns>A builder that provider packages extend, e.g. <c>services.AddFaxSdk().AddPhaxio(o => …)</c>.</returns>
    public static IFaxSdkBuilder AddFaxSdk(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        return AddCore(services, null);
    }

    /// <summary>
    /// Adds the FaxSdk core services and reads settings from configuration: provider packages' <c>Add…()</c> methods
    /// then bind <c>{sectionName}:{Provider}</c> (for example <c>FaxSdk:Phaxio:ApiKey</c>), named instances bind
    /// <c>{sectionName}:{Provider}:Instances:{name}</c>, and the client binds <c>{sectionName}:Client</c>. Values set in
    /// code are applied after configuration.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="configuration">The application's configuration (its root, or any configuration holding the section).</param>
    /// <param name="sectionName">The section FaxSdk reads. Default <c>FaxSdk</c>.</param>
    /// <returns>A builder that provider packages extend.</returns>
    public static IFaxSdkBuilder AddFaxSdk(this IServiceCollection services, IConfiguration configuration, string sectionName = FaxSdkConfiguration.DefaultSectionName)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentException.ThrowIfNullOrWhiteSpace(sectionName);
        var section = configuration.GetSection(sectionName);
        services.AddOptions<FaxStatusClientOptions>().Configure(o => FaxSdkConfiguration.BindClientOptions(section.GetSection("Client"), o));
        return AddCore(services, section);
    }

    private static FaxSdkBuilder AddCore(IServiceCollection services, IConfiguration? section)
    {
        services.AddOptions();
        services.TryAddSingleton<IFaxStatusProviderResolver, FaxStatusProviderResolver>();
        services.TryAddSingleton(sp => new FaxStatusClient(
            sp.GetRequiredService<IFaxStatusProviderResolver>(),
            sp.GetRequiredService<IOptions<FaxStatusClientOptions>>().Value,
            sp.GetService<TimeProvider>(),
            sp.GetService<ILogger<FaxStatusClient>>()));
        return new FaxSdkBuilder(services, section);
    }

    /// <summary>
    /// Registers one instance of an HTTP provider: named options (validated at start-up), a named HttpClient from
    /// IHttpClientFactory with the options' base address and timeout, and the provider for
    /// <see cref="IFaxStatusProviderResolver"/>. Provider packages call this from their own <c>Add…</c> method.
    /// </summary>
    /// <typeparam name="TProvider">The provider type.</typeparam>
    /// <typeparam name="TOptions">The provider's options type.</typeparam>
    /// <param name="builder">The FaxSdk builder.</param>
    /// <param name="providerId">The provider's lowercase id.</param>
    /// <param name="instanceName">The instance name (<see cref="FaxJobReference.DefaultInstance"/> for a single account).</param>
    /// <param name="configure">Configures the options (after any configuration binding the caller did).</param>
    /// <param name="create">Creates the provider from the services, its HttpClient and its options.</param>
    /// <returns>The named HttpClient's builder, to add handlers (resilience, logging, test doubles).</returns>
    /// <exception cref="InvalidOperationException">The same provider instance is registered twice.</exception>
    public static IHttpClientBuilder AddProvider<TProvider, TOptions>(
        this IFaxSdkBuilder builder,
        string providerId,
        string instanceName,
        Action<TOptions>? configure,
        Func<IServiceProvider, HttpClient, TOptions, TProvider> create)
        where TProvider : class, IFaxStatusProvider
        where TOptions : FaxProviderOptions, new()
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(providerId);
        ArgumentException.ThrowIfNullOrWhiteSpace(instanceName);
        ArgumentNullException.ThrowIfNull(create);
        var services = builder.Services;
        if (services.Any(d => d.ServiceType == typeof(FaxProviderRegistration) && d.ImplementationInstance is FaxProviderRegistration r && r.ProviderId == providerId && r.InstanceName == instanceName))
        {
            throw new InvalidOperationException($"The provider '{providerId}' with instance '{instanceName}' is already registered.");
        }

        var name = OptionsName(providerId, instanceName);
        var optionsBuilder = services.AddOptions<TOptions>(name);
        if (configure is not null)
        {
            optionsBuilder.Configure(configure);
        }

        optionsBuilder.ValidateOnStart();
        services.AddSingleton<IValidateOptions<TOptions>>(new FaxProviderOptionsValidator<TOptions>(name, providerId, instanceName));
        services.AddSingleton(new FaxProviderRegistration(providerId, instanceName, sp =>
        {
            var options = sp.GetRequiredService<IOptionsMonitor<TOptions>>().Get(name);
            var client = sp.GetRequiredService<IHttpClientFactory>().CreateClient(name);
            return create(sp, client, options);
        }));

        return services.AddHttpClient(name).ConfigureHttpClient((sp, client) =>
        {
            var options = sp.GetRequiredService<IOptionsMonitor<TOptions>>().Get(name);
            client.BaseAddress = options.BaseAddress;
            client.Timeout = options.Timeout;
        }).AddFaxSdkResilience<TOptions>(providerId, instanceName);
    }

    /// <summary>The name of a provider instance's options and HttpClient: <c>FaxSdk.{providerId}.{instanceName}</c>.</summary>
    /// <param name="providerId">The provider id.</param>
    /// <param name="instanceName">The instance name.</param>
    /// <returns>The name.</returns>
    public static string OptionsName(string providerId, string instanceName) => $"FaxSdk.{providerId}.{instanceName}";
}
