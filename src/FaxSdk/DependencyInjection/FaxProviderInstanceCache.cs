using FaxSdk.Transport;
using Microsoft.Extensions.Http;
using Microsoft.Extensions.Options;

namespace FaxSdk;

/// <summary>
/// One provider instance's provider object, built once and reused (one per container), instead of a provider and an
/// HttpClient per job resolved. It is built again when the instance's options are reloaded (the options monitor then
/// gives a new options object) and when the HttpClient's handler lifetime has passed, so that IHttpClientFactory's
/// handler rotation (DNS changes, for one) still reaches the provider.
/// </summary>
/// <typeparam name="TOptions">The provider's options type.</typeparam>
internal sealed class FaxProviderInstanceCache<TOptions>(
    string name,
    IServiceProvider services,
    Func<IServiceProvider, HttpClient, TOptions, IFaxStatusProvider> create)
    where TOptions : FaxProviderOptions
{
    private readonly IOptionsMonitor<TOptions> _options = (IOptionsMonitor<TOptions>)services.GetService(typeof(IOptionsMonitor<TOptions>))!;
    private readonly IOptionsMonitor<HttpClientFactoryOptions>? _factoryOptions = (IOptionsMonitor<HttpClientFactoryOptions>?)services.GetService(typeof(IOptionsMonitor<HttpClientFactoryOptions>));
    private readonly TimeProvider _time = (TimeProvider?)services.GetService(typeof(TimeProvider)) ?? TimeProvider.System;
    private Built? _built;

    /// <summary>The instance's provider: the one built before while its options and HttpClient are current, else a new one.</summary>
    public IFaxStatusProvider Get()
    {
        var options = _options.Get(name);
        var now = _time.GetTimestamp();
        if (Volatile.Read(ref _built) is { } built && ReferenceEquals(built.Options, options) && now < built.Expires)
        {
            return built.Provider;
        }

        var client = ((IHttpClientFactory)services.GetService(typeof(IHttpClientFactory))!).CreateClient(name);
        var provider = create(services, client, options);
        var lifetime = _factoryOptions?.Get(name).HandlerLifetime ?? TimeSpan.FromMinutes(2);
        var expires = lifetime == Timeout.InfiniteTimeSpan ? long.MaxValue : now + (long)(lifetime.TotalSeconds * _time.TimestampFrequency);
        Volatile.Write(ref _built, new Built(options, provider, expires));
        return provider;
    }

    private sealed record Built(TOptions Options, IFaxStatusProvider Provider, long Expires);
}
