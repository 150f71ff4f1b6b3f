using FaxSdk.Resilience;
using FaxSdk.Transport;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Removes or replaces the <see cref="FaxResilienceHandler"/> that FaxSdk puts first in every provider instance's
/// HttpClient. Call them on the builder a provider's <c>Add…</c> method returns, e.g.
/// <c>services.AddFaxSdk().AddPhaxio(…).RemoveFaxResilienceHandler().AddStandardResilienceHandler()</c>.
/// </summary>
public static class FaxResilienceHttpClientBuilderExtensions
{
    /// <summary>
    /// Takes FaxSdk's resilience handler out of this client: no retries, circuit breaker or pipeline timeouts, and the
    /// HttpClient timeout is <c>FaxProviderOptions.Timeout</c> again. Add your own handlers afterwards if you like.
    /// (To keep the handler but switch it off from configuration, set <c>Resilience:Enabled</c> to false.)
    /// </summary>
    /// <param name="builder">A provider instance's HttpClient builder.</param>
    /// <returns>The same builder.</returns>
    public static IHttpClientBuilder RemoveFaxResilienceHandler(this IHttpClientBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.Configure<FaxResilienceClientSettings>(builder.Name, settings =>
        {
            settings.Removed = true;
            settings.Replacement = null;
        });
        return builder;
    }

    /// <summary>
    /// Puts <paramref name="createHandler"/>'s handler where FaxSdk's resilience handler would be (first, outside any
    /// handler added later). The HttpClient timeout is <c>FaxProviderOptions.Timeout</c>, as FaxSdk's pipeline is not
    /// there to bound the call.
    /// </summary>
    /// <param name="builder">A provider instance's HttpClient builder.</param>
    /// <param name="createHandler">Creates the handler (a new instance each time; IHttpClientFactory rotates handlers).</param>
    /// <returns>The same builder.</returns>
    public static IHttpClientBuilder ReplaceFaxResilienceHandler(this IHttpClientBuilder builder, Func<IServiceProvider, DelegatingHandler> createHandler)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(createHandler);
        builder.Services.Configure<FaxResilienceClientSettings>(builder.Name, settings =>
        {
            settings.Removed = false;
            settings.Replacement = createHandler;
        });
        return builder;
    }

    /// <summary>
    /// Adds FaxSdk's resilience handler to a provider instance's client (unless removed, replaced or disabled), with
    /// the pipeline cached per client name so its circuit breaker outlives handler rotation, and switches the
    /// HttpClient timeout off while the pipeline's total timeout bounds the call.
    /// </summary>
    internal static IHttpClientBuilder AddFaxResilienceHandler<TOptions>(this IHttpClientBuilder builder, string providerId, string instanceName)
        where TOptions : FaxProviderOptions, new()
    {
        var name = builder.Name;
        builder.Services.TryAddSingleton(sp => new FaxResiliencePipelineCache(
            sp.GetService<TimeProvider>() ?? TimeProvider.System,
            sp.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance));

        builder.ConfigureHttpClient((sp, client) =>
        {
            if (UsesPipeline(sp, name, out _))
            {
                client.Timeout = Timeout.InfiniteTimeSpan;
            }
        });

        builder.ConfigureAdditionalHttpMessageHandlers((handlers, sp) =>
        {
            var settings = sp.GetRequiredService<IOptionsMonitor<FaxResilienceClientSettings>>().Get(name);
            if (settings.Replacement is { } replacement)
            {
                handlers.Add(replacement(sp));
            }
            else if (UsesPipeline(sp, name, out var options))
            {
                handlers.Add(new FaxResilienceHandler(sp.GetRequiredService<FaxResiliencePipelineCache>().Get(name, providerId, instanceName, options)));
            }
        });

        return builder;

        static bool UsesPipeline(IServiceProvider sp, string name, out FaxResilienceOptions options)
        {
            options = sp.GetRequiredService<IOptionsMonitor<TOptions>>().Get(name).Resilience;
            return options.Enabled && sp.GetRequiredService<IOptionsMonitor<FaxResilienceClientSettings>>().Get(name).UsesFaxSdkHandler;
        }
    }
}
