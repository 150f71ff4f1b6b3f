using System.Globalization;
using FaxSdk;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers tracking that survives restarts and is shared by several processes (docs/tracking.md).</summary>
public static class FaxTrackingServiceCollectionExtensions
{
    /// <summary>The name of the tracking health check: <c>faxsdk-tracking</c>.</summary>
    public const string HealthCheckName = "faxsdk-tracking";

    /// <summary>
    /// Adds tracking: the store chosen in <paramref name="configure"/> (in memory when none is), <see cref="IFaxJobTracking"/>
    /// to add jobs, a <see cref="FaxTrackingWorker"/> run by a hosted service (which migrates the store first), the
    /// options bound from <c>FaxSdk:Tracking</c> and validated at start-up, and the health check <see cref="HealthCheckName"/>
    /// (unhealthy when the store cannot be read, degraded when more than <see cref="FaxTrackingOptions.DegradedDueJobs"/>
    /// jobs are due).
    /// </summary>
    /// <param name="builder">The FaxSdk builder.</param>
    /// <param name="configure">Chooses the store, sets options, adds completion handlers.</param>
    /// <returns>The FaxSdk builder.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <example><code>services.AddFaxSdk(configuration).AddPhaxio().AddTracking(t =&gt; t.UseSqlite("faxes.db").AddCompletionHandler&lt;StoreResult&gt;());</code></example>
    public static IFaxSdkBuilder AddTracking(this IFaxSdkBuilder builder, Action<FaxTrackingBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        var services = builder.Services;
        var section = builder.Configuration?.GetSection("Tracking");
        var tracking = new FaxTrackingBuilder(services, section);
        if (section is not null)
        {
            services.Configure<FaxTrackingOptions>(o => Bind(section, o));
        }

        configure(tracking);
        services.TryAddSingleton<IFaxTrackingStore>(_ => new FaxInMemoryTrackingStore());
        services.AddOptions<FaxTrackingOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<FaxTrackingOptions>, FaxTrackingOptionsValidator>());
        services.TryAddSingleton<IFaxJobTracking, FaxJobTracking>();
        services.TryAddSingleton(sp => new FaxTrackingWorker(
            sp.GetRequiredService<FaxStatusClient>(),
            sp.GetRequiredService<IFaxTrackingStore>(),
            sp.GetRequiredService<IOptions<FaxTrackingOptions>>().Value,
            [new FaxScopedCompletionHandlers(sp.GetRequiredService<IServiceScopeFactory>())],
            sp.GetService<ILogger<FaxTrackingWorker>>()));
        services.AddHostedService<FaxTrackingHostedService>();
        if (!services.Any(d => d.ServiceType == typeof(FaxTrackingHealthCheck)))
        {
            services.AddSingleton<FaxTrackingHealthCheck>();
            services.AddHealthChecks().AddCheck<FaxTrackingHealthCheck>(HealthCheckName, tags: ["faxsdk", "tracking"]);
        }

        return builder;
    }

    private static void Bind(IConfiguration section, FaxTrackingOptions options)
    {
        options.WorkerName = section[nameof(FaxTrackingOptions.WorkerName)] is { Length: > 0 } name ? name : options.WorkerName;
        options.LeaseDuration = FaxSdkConfiguration.ReadTimeSpan(section, nameof(FaxTrackingOptions.LeaseDuration)) ?? options.LeaseDuration;
        options.PollTimeout = FaxSdkConfiguration.ReadTimeSpan(section, nameof(FaxTrackingOptions.PollTimeout)) ?? options.PollTimeout;
        options.IdleDelay = FaxSdkConfiguration.ReadTimeSpan(section, nameof(FaxTrackingOptions.IdleDelay)) ?? options.IdleDelay;
        options.FeedInterval = FaxSdkConfiguration.ReadTimeSpan(section, nameof(FaxTrackingOptions.FeedInterval)) ?? options.FeedInterval;
        options.PushSafetyNetInterval = FaxSdkConfiguration.ReadTimeSpan(section, nameof(FaxTrackingOptions.PushSafetyNetInterval)) ?? options.PushSafetyNetInterval;
        if (int.TryParse(section[nameof(FaxTrackingOptions.BatchSize)], NumberStyles.Integer, CultureInfo.InvariantCulture, out var batch))
        {
            options.BatchSize = batch;
        }

        if (long.TryParse(section[nameof(FaxTrackingOptions.DegradedDueJobs)], NumberStyles.Integer, CultureInfo.InvariantCulture, out var degraded))
        {
            options.DegradedDueJobs = degraded;
        }

        if (bool.TryParse(section[nameof(FaxTrackingOptions.AcknowledgeUntrackedReports)], out var acknowledge))
        {
            options.AcknowledgeUntrackedReports = acknowledge;
        }

        if (int.TryParse(section.GetSection(nameof(FaxTrackingOptions.ErrorPolicy))[nameof(FaxPollErrorPolicy.MaxNotFoundPolls)], NumberStyles.Integer, CultureInfo.InvariantCulture, out var misses))
        {
            options.ErrorPolicy = (options.ErrorPolicy ?? FaxPollErrorPolicy.Default) with { MaxNotFoundPolls = misses };
        }
    }
}
