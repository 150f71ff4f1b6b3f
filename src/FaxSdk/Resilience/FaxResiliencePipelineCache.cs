using System.Collections.Concurrent;
using FaxSdk.Diagnostics;
using Microsoft.Extensions.Logging;

namespace FaxSdk.Resilience;

/// <summary>
/// One pipeline per named HttpClient, kept for the container's lifetime, so that the circuit breaker's state survives
/// IHttpClientFactory's handler rotation. A pipeline is rebuilt only when its options instance changes (a reload).
/// </summary>
internal sealed class FaxResiliencePipelineCache(TimeProvider timeProvider, ILoggerFactory loggerFactory)
{
    private readonly ConcurrentDictionary<string, FaxResiliencePipeline> _pipelines = new(StringComparer.Ordinal);
    private readonly ILogger _logger = loggerFactory.CreateLogger(FaxSdkDiagnostics.ResilienceLoggerCategory);

    public FaxResiliencePipeline Get(string clientName, string providerId, string instanceName, FaxResilienceOptions options)
    {
        while (true)
        {
            if (_pipelines.TryGetValue(clientName, out var existing) && ReferenceEquals(existing.Options, options))
            {
                return existing;
            }

            var created = new FaxResiliencePipeline(options, providerId, instanceName, timeProvider, _logger);
            if (existing is null ? _pipelines.TryAdd(clientName, created) : _pipelines.TryUpdate(clientName, created, existing))
            {
                return created;
            }
        }
    }
}
