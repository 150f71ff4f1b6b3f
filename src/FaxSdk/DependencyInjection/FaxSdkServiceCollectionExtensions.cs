using FaxSdk;
using FaxSdk.Resilience;
using FaxSdk.Transport;
using FaxSdk.Validation;
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
    /// Registers one instance of an HTTP provider: named options validated at start-up (<c>ValidateOnStart</c>), a named
    /// HttpClient from IHttpClientFactory with the options' base address and timeout, and the provider for
    /// <see cref="IFaxStatusProviderResolver"/>. Provider packages call this from their own <c>Add…</c> method.
    /// </summary>
    /// <remarks>
    /// Validation always checks the settings every provider shares (<see cref="FaxProviderOptions.BaseAddress"/> unless
    /// the provider does not use it, <see cref="FaxProviderOptions.MaxResponseBytes"/>,
    /// <see cref="FaxProviderOptions.Timeout"/> and the whole <see cref="FaxProviderOptions.Resilience"/> section), then
    /// <paramref name="validator"/> (typically an <c>[OptionsValidator]</c> class generated from the options' data
    /// annotations) and the options' own rules. Each failure names the setting by its configuration path, such as
    /// <c>FaxSdk:Retarus:Instances:eu:Resilience:MaxRetryAttempts</c>.
    /// </remarks>
    /// <typeparam name="TProvider">The provider type.</typeparam>
    /// <typeparam name="TOptions">The provider's options type.</typeparam>
    /// <param name="builder">The FaxSdk builder.</param>
    /// <param name="descriptor">The provider package's descriptor (its id and configuration section).</param>
    /// <param name="instanceName">The instance name (<see cref="FaxJobReference.DefaultInstance"/> for a single account).</param>
    /// <param name="configure">Configures the options: binds the instance's configuration section (see <see cref="FaxSdkConfiguration.GetProviderSection"/>), then applies the caller's settings.</param>
    /// <param name="create">Creates the provider from the services, its HttpClient and its options.</param>
    /// <param name="validator">The provider's own validator, called with the instance's configuration path as the name; optional.</param>
    /// <returns>The named HttpClient's builder, to add handlers (resilience, logging, test doubles).</returns>
    /// <exception cref="InvalidOperationException">The same provider instance is registered twice.</exception>
    public static IHttpClientBuilder AddProvider<TProvider, TOptions>(
        this IFaxSdkBuilder builder,
        FaxProviderDescriptor descriptor,
        string instanceName,
        Action<TOptions>? configure,
        Func<IServiceProvider, HttpClient, TOptions, TProvider> create,
        IValidateOptions<TOptions>? validator = null)
        where TProvider : class, IFaxStatusProvider
        where TOptions : FaxProviderOptions, new()
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(descriptor);
        ArgumentException.ThrowIfNullOrWhiteSpace(instanceName);
        ArgumentNullException.ThrowIfNull(create);
        var providerId = descriptor.Id;
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
        if (builder.GetProviderSection(descriptor.ConfigurationSection, instanceName) is { } section)
        {
            // Without a change token the section is bound once: a configuration reload would never reach the options.
            services.AddSingleton<IOptionsChangeTokenSource<TOptions>>(new FaxConfigurationChangeTokenSource<TOptions>(name, section));
        }

        var path = descriptor.GetConfigurationPath(instanceName, FaxSdkConfiguration.RootPath(builder));
        services.AddSingleton<IValidateOptions<TOptions>>(new FaxProviderOptionsValidator<TOptions>(name, path, validator));
        // One provider object per instance and container, rebuilt on an options reload or after the HttpClient's
        // handler lifetime (FaxProviderInstanceCache), not a provider and an HttpClient for every job resolved.
        services.AddKeyedSingleton(name, (sp, _) => new FaxProviderInstanceCache<TOptions>(name, sp, (s, client, options) => create(s, client, options)));
        services.AddSingleton(new FaxProviderRegistration(providerId, instanceName, sp => sp.GetRequiredKeyedService<FaxProviderInstanceCache<TOptions>>(name).Get()));

        // No HttpClient.Timeout here: AddFaxSdkResilience makes it infinite (the pipeline, or the innermost handler with
        // FaxProviderOptions.Timeout, bounds a call).
        return services.AddHttpClient(name).ConfigureHttpClient((sp, client) =>
        {
            client.BaseAddress = sp.GetRequiredService<IOptionsMonitor<TOptions>>().Get(name).BaseAddress;
        }).AddFaxSdkResilience<TOptions>(providerId, instanceName);
    }

    /// <summary>The name of a provider instance's options and HttpClient: <c>FaxSdk.{providerId}.{instanceName}</c>.</summary>
    /// <param name="providerId">The provider id.</param>
    /// <param name="instanceName">The instance name.</param>
    /// <returns>The name.</returns>
    public static string OptionsName(string providerId, string instanceName) => $"FaxSdk.{providerId}.{instanceName}";
}
