using Microsoft.Extensions.Http;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;

namespace FaxSdk.Transport;

/// <summary>
/// Puts <see cref="FaxResponseBufferingHandler"/> innermost in every FaxSdk provider client's handler chain, after all of
/// the client's own configuration ran, so it stays inside any resilience handler, including one the user added after
/// <c>RemoveAllResilienceHandlers()</c>.
/// </summary>
internal sealed class FaxResponseBufferingFilter(IOptionsMonitor<FaxResponseBufferingOptions> options, IServiceProvider services) : IHttpMessageHandlerBuilderFilter
{
    public Action<HttpMessageHandlerBuilder> Configure(Action<HttpMessageHandlerBuilder> next)
    {
        ArgumentNullException.ThrowIfNull(next);
        return builder =>
        {
            next(builder);
            if (builder.Name is { } name && options.Get(name) is { ProviderId: { } providerId, ProviderOptions: { } providerOptions })
            {
                var hasPipeline = builder.AdditionalHandlers.Any(h => h is ResilienceHandler);
                builder.AdditionalHandlers.Add(new FaxResponseBufferingHandler(
                    providerId,
                    providerOptions,
                    hasPipeline,
                    services.GetService(typeof(TimeProvider)) as TimeProvider ?? TimeProvider.System));
            }
        };
    }
}
