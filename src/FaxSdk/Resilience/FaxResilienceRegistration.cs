using FaxSdk.Diagnostics;
using FaxSdk.Transport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace FaxSdk.Resilience;

/// <summary>Gives a provider instance's HttpClient its resilience pipeline, its response buffering and its timeouts.</summary>
internal static class FaxResilienceRegistration
{
    /// <summary>
    /// Adds the instance's pipeline with the library's <c>AddResilienceHandler</c>, built from (and reloaded with) the
    /// instance's <see cref="FaxResilienceOptions"/>; makes the HttpClient's own timeout infinite; and has the innermost
    /// handler read each response body whole, so that an attempt's timeout covers the body too (see
    /// <see cref="FaxResponseBufferingHandler"/>).
    /// </summary>
    internal static IHttpClientBuilder AddFaxSdkResilience<TOptions>(this IHttpClientBuilder builder, string providerId, string instanceName)
        where TOptions : FaxProviderOptions, new()
    {
        var name = builder.Name;
        var services = builder.Services;

        services.AddKeyedSingleton(name, (sp, _) => new FaxResilienceOptionsSource<TOptions>(name, sp.GetRequiredService<IOptionsMonitor<TOptions>>()));
        services.AddSingleton<IConfigureOptions<FaxResilienceOptions>>(sp => sp.GetRequiredKeyedService<FaxResilienceOptionsSource<TOptions>>(name));
        services.AddSingleton<IOptionsChangeTokenSource<FaxResilienceOptions>>(sp => sp.GetRequiredKeyedService<FaxResilienceOptionsSource<TOptions>>(name));

        services.AddOptions<FaxResponseBufferingOptions>(name).Configure<IOptionsMonitor<TOptions>>((buffering, monitor) =>
        {
            buffering.ProviderId = providerId;
            buffering.ProviderOptions = () => monitor.Get(name);
        });
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHttpMessageHandlerBuilderFilter, FaxResponseBufferingFilter>());

        // The pipeline's timeouts (or, without one, FaxProviderOptions.Timeout in the buffering handler) bound a call.
        builder.ConfigureHttpClient(client => client.Timeout = Timeout.InfiniteTimeSpan);

        builder.AddResilienceHandler(FaxResilience.PipelineName, (pipeline, context) =>
        {
            context.EnableReloads<FaxResilienceOptions>(name);
            var sp = context.ServiceProvider;
            FaxResilienceStrategies.AddTo(
                pipeline,
                context.GetOptions<FaxResilienceOptions>(name),
                providerId,
                instanceName,
                sp.GetService<TimeProvider>() ?? TimeProvider.System,
                (sp.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance).CreateLogger(FaxSdkDiagnostics.ResilienceLoggerCategory));
        });

        return builder;
    }
}
