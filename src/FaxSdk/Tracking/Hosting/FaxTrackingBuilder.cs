using FaxSdk;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Configures tracking in <c>services.AddFaxSdk().AddTracking(t =&gt; …)</c>: which store the workers share
/// (<see cref="UseInMemory"/>, <see cref="UseStore"/>; FaxSdk.Tracking.Sqlite and FaxSdk.Tracking.PostgreSql add
/// <c>UseSqlite(path)</c> and <c>UsePostgreSql(connectionString)</c> as extension methods), the worker's options and the
/// application's completion handlers.
/// </summary>
public sealed class FaxTrackingBuilder
{
    internal FaxTrackingBuilder(IServiceCollection services, IConfiguration? configuration)
    {
        Services = services;
        Configuration = configuration;
    }

    /// <summary>The service collection being configured.</summary>
    public IServiceCollection Services { get; }

    /// <summary>The tracking configuration section (<c>FaxSdk:Tracking</c>), or <see langword="null"/> when FaxSdk was added without configuration.</summary>
    public IConfiguration? Configuration { get; }

    /// <summary>Uses a store made by <paramref name="factory"/> (once, as a singleton); replaces any store chosen before.</summary>
    /// <param name="factory">Creates the store from the services.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="factory"/> is <see langword="null"/>.</exception>
    public FaxTrackingBuilder UseStore(Func<IServiceProvider, IFaxTrackingStore> factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        Services.RemoveAll<IFaxTrackingStore>();
        Services.AddSingleton(factory);
        return this;
    }

    /// <summary>Uses a <see cref="FaxInMemoryTrackingStore"/>: nothing survives a restart and nothing is shared between processes (the default when no store is chosen).</summary>
    /// <returns>This builder.</returns>
    public FaxTrackingBuilder UseInMemory() => UseStore(_ => new FaxInMemoryTrackingStore());

    /// <summary>Sets worker options, after configuration (<c>FaxSdk:Tracking</c>) was applied.</summary>
    /// <param name="configure">Sets the options.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="configure"/> is <see langword="null"/>.</exception>
    public FaxTrackingBuilder Configure(Action<FaxTrackingOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        Services.Configure(configure);
        return this;
    }

    /// <summary>Adds a completion handler (resolved in a scope of its own for each completion; handlers run in the order added).</summary>
    /// <typeparam name="THandler">The handler type.</typeparam>
    /// <returns>This builder.</returns>
    public FaxTrackingBuilder AddCompletionHandler<[System.Diagnostics.CodeAnalysis.DynamicallyAccessedMembers(System.Diagnostics.CodeAnalysis.DynamicallyAccessedMemberTypes.PublicConstructors)] THandler>()
        where THandler : class, IFaxJobCompletionHandler
    {
        Services.AddScoped<IFaxJobCompletionHandler, THandler>();
        return this;
    }
}
