using FaxSdk.Resilience;

namespace FaxSdk.Transport;

/// <summary>Settings every HTTP provider integration shares; each provider's options class derives from it.</summary>
public class FaxProviderOptions
{
    /// <summary>The default response size cap: 4 MiB.</summary>
    public const long DefaultMaxResponseBytes = 4 * 1024 * 1024;

    /// <summary>The provider's base address; each provider documents its default.</summary>
    public Uri? BaseAddress { get; set; }

    /// <summary>The largest response body accepted; larger ones are refused without being buffered. Default 4 MiB.</summary>
    public long MaxResponseBytes { get; set; } = DefaultMaxResponseBytes;

    /// <summary>Allow plain <c>http</c> to hosts other than loopback. Off by default: credentials would travel unencrypted.</summary>
    public bool AllowInsecureHttp { get; set; }

    /// <summary>
    /// The HttpClient timeout of one call when FaxSdk's resilience pipeline is off (<see cref="FaxResilienceOptions.Enabled"/>
    /// is <see langword="false"/>, or the handler was removed or replaced). While the pipeline is on (the default), the
    /// HttpClient timeout is infinite and <see cref="FaxResilienceOptions.TotalTimeout"/> bounds a call, retries
    /// included, with <see cref="FaxResilienceOptions.AttemptTimeout"/> for each attempt. Default 30 seconds.
    /// </summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Retries, timeouts and the circuit breaker of this instance's requests (configuration:
    /// <c>FaxSdk:{Provider}:Resilience:…</c>, e.g. <c>FaxSdk:Phaxio:Resilience:MaxRetryAttempts</c>). Each instance has
    /// its own settings and its own circuit breaker.
    /// </summary>
    public FaxResilienceOptions Resilience { get; set; } = new();

    /// <summary>
    /// The configured values that are secret (API keys and secrets, passwords, PINs, tokens). FaxSdk replaces them with
    /// <c>***</c> wherever a server echoes them back into an exception (message, response excerpt, request id).
    /// Providers override it to list their secret settings; the default lists none.
    /// </summary>
    /// <returns>The secret values; <see langword="null"/> or empty ones are ignored.</returns>
    public virtual IEnumerable<string?> GetSecretValues() => [];

    /// <summary>Checks the settings; providers override it to add their own checks (calling the base).</summary>
    /// <param name="provider">The provider id, for messages.</param>
    /// <returns>One message per problem; empty when the settings are usable.</returns>
    public virtual IEnumerable<string> Validate(string provider)
    {
        if (BaseAddress is null)
        {
            yield return $"{provider}: BaseAddress is required.";
        }
        else if (!BaseAddress.IsAbsoluteUri)
        {
            yield return $"{provider}: BaseAddress must be an absolute URL.";
        }
        else
        {
            string? problem = null;
            try
            {
                FaxEndpointPolicy.EnsureAllowed(BaseAddress, AllowInsecureHttp, provider);
            }
            catch (ArgumentException exception)
            {
                problem = exception.Message.Split(" (Parameter", 2)[0];
            }

            if (problem is not null)
            {
                yield return problem;
            }
        }

        if (MaxResponseBytes <= 0)
        {
            yield return $"{provider}: MaxResponseBytes must be positive.";
        }

        if (Timeout <= TimeSpan.Zero && Timeout != System.Threading.Timeout.InfiniteTimeSpan)
        {
            yield return $"{provider}: Timeout must be positive.";
        }

        if (Resilience is null)
        {
            yield return $"{provider}: Resilience must not be null.";
        }
        else
        {
            foreach (var problem in Resilience.Validate(provider))
            {
                yield return problem;
            }
        }
    }
}
