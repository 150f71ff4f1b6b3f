using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FaxSdk.Cli.Hosting;

/// <summary>
/// The SDK as the CLI uses it: a service provider with every provider whose <c>FaxSdk:{Provider}</c> section is
/// present (and each of its named <c>Instances</c>) registered from configuration, validated up front.
/// </summary>
internal sealed class CliServices : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private CliServices(ServiceProvider services, FaxStatusClient client, SecretRedactor redactor)
    {
        _services = services;
        Client = client;
        Redactor = redactor;
    }

    /// <summary>The client over the configured providers.</summary>
    public FaxStatusClient Client { get; }

    /// <summary>The configured provider instances.</summary>
    public IFaxStatusProviderResolver Providers => Client.Providers;

    /// <summary>Hides configured credentials in anything printed.</summary>
    public SecretRedactor Redactor { get; }

    /// <summary>The services, for what a command added with <c>configure</c>.</summary>
    public IServiceProvider Services => _services;

    /// <summary>
    /// Loads <c>--config</c> and the environment, registers and validates the providers; on any problem writes one
    /// line per problem to standard error and returns <see langword="null"/> (exit <see cref="ExitCodes.InputError"/>).
    /// </summary>
    /// <param name="configPath">The <c>--config</c> file, or <see langword="null"/>.</param>
    /// <param name="console">Where errors go, and the environment to read.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <param name="configure">Adds more to the SDK (such as tracking) before the services are built and validated.</param>
    /// <returns>The services, or <see langword="null"/>.</returns>
    public static async Task<CliServices?> CreateAsync(FileInfo? configPath, CliConsole console, CancellationToken cancellationToken, Action<IFaxSdkBuilder>? configure = null)
    {
        var configuration = await CliConfiguration.LoadAsync(configPath, console, cancellationToken).ConfigureAwait(false);
        return configuration is null ? null : await CreateAsync(configuration, console, configPath is null ? "the environment" : $"'{configPath}' or the environment", cancellationToken, configure).ConfigureAwait(false);
    }

    /// <summary>Registers and validates the providers configured in <paramref name="configuration"/> (see the other overload).</summary>
    /// <param name="configuration">The configuration root (with a <c>FaxSdk</c> section).</param>
    /// <param name="console">Where errors go.</param>
    /// <param name="source">Where the configuration came from, for messages.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <param name="configure">Adds more to the SDK (such as tracking) before the services are built and validated.</param>
    /// <returns>The services, or <see langword="null"/>.</returns>
    public static async Task<CliServices?> CreateAsync(IConfiguration configuration, CliConsole console, string source, CancellationToken cancellationToken, Action<IFaxSdkBuilder>? configure = null)
    {
        var section = configuration.GetSection(FaxSdkConfiguration.DefaultSectionName);
        var redactor = SecretRedactor.From(section);
        var services = new ServiceCollection();
        var builder = services.AddFaxSdk(configuration);
        var registered = CliProvider.All.Sum(provider => provider.AddConfiguredInstances(builder).Count);
        configure?.Invoke(builder);
        if (registered == 0)
        {
            await console.Error.WriteLineAsync(
                $"faxstatus: no provider is configured in {source}: add a FaxSdk section (e.g. {{\"FaxSdk\":{{\"Phaxio\":{{\"ApiKey\":\"…\",\"ApiSecret\":\"…\"}}}}}}) or set environment variables such as FaxSdk__Phaxio__ApiKey.".AsMemory(),
                cancellationToken).ConfigureAwait(false);
            return null;
        }

        var serviceProvider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
        var problems = Validate(serviceProvider, out var client);
        if (problems.Count > 0)
        {
            foreach (var problem in problems)
            {
                await console.Error.WriteLineAsync($"faxstatus: configuration: {redactor.Redact(problem)}".AsMemory(), cancellationToken).ConfigureAwait(false);
            }

            await serviceProvider.DisposeAsync().ConfigureAwait(false);
            return null;
        }

        return new CliServices(serviceProvider, client!, redactor);
    }

    /// <summary>
    /// What a host does at start: validates every options type registered with <c>ValidateOnStart</c> (each failure
    /// names the setting by its configuration path), resolves the client and creates each provider instance once.
    /// </summary>
    /// <param name="serviceProvider">The built services.</param>
    /// <param name="client">The client, when it could be created.</param>
    /// <returns>The problems, one line each (not yet redacted); empty when the configuration is usable.</returns>
    public static List<string> Validate(IServiceProvider serviceProvider, out FaxStatusClient? client)
    {
        var problems = new List<string>();
        try
        {
            // What a host does at start: every provider instance's options (registered with ValidateOnStart) are
            // bound and validated; each failure names the setting by its configuration path.
            serviceProvider.GetRequiredService<IStartupValidator>().Validate();
        }
        catch (OptionsValidationException exception)
        {
            problems.AddRange(exception.Failures);
        }
        catch (AggregateException exception) when (exception.InnerExceptions.All(e => e is OptionsValidationException))
        {
            problems.AddRange(exception.InnerExceptions.SelectMany(e => ((OptionsValidationException)e).Failures));
        }
        catch (Exception exception) when (exception is ArgumentException or InvalidOperationException or FormatException)
        {
            problems.Add(exception.Message);
        }

        client = null;
        try
        {
            client = serviceProvider.GetRequiredService<FaxStatusClient>();
        }
        catch (Exception exception) when (exception is ArgumentException or InvalidOperationException or FormatException)
        {
            problems.Add($"FaxSdk:Client: {exception.Message}");
        }

        if (client is not null && problems.Count == 0)
        {
            foreach (var registration in client.Providers.Registrations.OrderBy(r => r.ProviderId, StringComparer.Ordinal).ThenBy(r => r.InstanceName, StringComparer.Ordinal))
            {
                try
                {
                    _ = registration.Create(serviceProvider);
                }
                catch (Exception exception) when (exception is ArgumentException or InvalidOperationException or FormatException)
                {
                    var path = CliProvider.Get(registration.ProviderId).GetConfigurationPath(registration.InstanceName);
                    problems.Add($"{path}: {exception.Message}");
                }
            }
        }

        return problems;
    }

    /// <summary>
    /// Builds the services (see <see cref="CreateAsync(FileInfo?, CliConsole, CancellationToken, Action{IFaxSdkBuilder}?)"/>) and checks that the
    /// provider instance asked for is configured (see <see cref="EnsureConfiguredAsync"/>).
    /// </summary>
    /// <param name="configPath">The <c>--config</c> file, if any.</param>
    /// <param name="provider">The provider id asked for.</param>
    /// <param name="instance">The instance asked for.</param>
    /// <param name="console">Where problems are printed.</param>
    /// <param name="cancellationToken">Cancels the set-up.</param>
    /// <returns>The services, or <see langword="null"/> after printing why they cannot be used (exit code 3).</returns>
    public static async Task<CliServices?> OpenAsync(FileInfo? configPath, string provider, string instance, CliConsole console, CancellationToken cancellationToken)
    {
        var services = await CreateAsync(configPath, console, cancellationToken).ConfigureAwait(false);
        if (services is null || await services.EnsureConfiguredAsync(provider, instance, console, cancellationToken).ConfigureAwait(false))
        {
            return services;
        }

        await services.DisposeAsync().ConfigureAwait(false);
        return null;
    }

    /// <summary>
    /// Checks that <paramref name="provider"/>/<paramref name="instance"/> is configured; otherwise writes one line
    /// naming what is configured and returns <see langword="false"/> (exit <see cref="ExitCodes.InputError"/>).
    /// </summary>
    /// <param name="provider">The provider id.</param>
    /// <param name="instance">The instance name.</param>
    /// <param name="console">Where the error goes.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>Whether it is configured.</returns>
    public async Task<bool> EnsureConfiguredAsync(string provider, string instance, CliConsole console, CancellationToken cancellationToken)
    {
        if (Providers.Registrations.Any(r => r.ProviderId == provider && r.InstanceName == instance))
        {
            return true;
        }

        var configured = string.Join(", ", Providers.Registrations
            .Select(r => r.InstanceName == FaxJobReference.DefaultInstance ? r.ProviderId : $"{r.ProviderId} --instance {r.InstanceName}")
            .Order(StringComparer.Ordinal));
        var what = instance == FaxJobReference.DefaultInstance ? $"provider '{provider}'" : $"provider '{provider}' instance '{instance}'";
        var where = CliProvider.Get(provider).GetConfigurationPath(instance);
        await console.Error.WriteLineAsync($"faxstatus: {what} is not configured (no {where} section); configured: {configured}.".AsMemory(), cancellationToken).ConfigureAwait(false);
        return false;
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _services.DisposeAsync();
}
