using System.ComponentModel.DataAnnotations;
using FaxSdk.Resilience;
using Microsoft.Extensions.Options;

namespace FaxSdk.Transport;

/// <summary>
/// Settings every HTTP provider integration shares; each provider's options class derives from it. FaxSdk checks these
/// shared settings (and <see cref="Resilience"/>) for every provider instance registered with
/// <c>IFaxSdkBuilder.AddProvider</c>, at start-up, whatever the derived class does; a provider adds its own checks with
/// data annotations (and an <c>[OptionsValidator]</c> validator passed to <c>AddProvider</c>) and
/// <see cref="ValidateSettings"/>.
/// </summary>
public class FaxProviderOptions
{
    /// <summary>The default response size cap: 4 MiB.</summary>
    public const long DefaultMaxResponseBytes = 4 * 1024 * 1024;

    /// <summary>
    /// The provider's base address; each provider documents its default. Required (absolute, and https unless it is
    /// loopback or <see cref="AllowInsecureHttp"/> is set) unless the provider does not use it.
    /// </summary>
    public Uri? BaseAddress { get; set; }

    /// <summary>The largest response body accepted; larger ones are refused without being buffered. Default 4 MiB; positive and at most 1 GiB.</summary>
    public long MaxResponseBytes { get; set; } = DefaultMaxResponseBytes;

    /// <summary>Allow plain <c>http</c> to hosts other than loopback. Off by default: credentials would travel unencrypted.</summary>
    public bool AllowInsecureHttp { get; set; }

    /// <summary>
    /// The deadline of one call, body included, when no resilience pipeline runs (<see cref="FaxResilienceOptions.Enabled"/>
    /// is <see langword="false"/>, or the client's resilience handlers were removed). While FaxSdk's pipeline runs (the
    /// default), <see cref="FaxResilienceOptions.TotalTimeout"/> bounds a call, retries included, and
    /// <see cref="FaxResilienceOptions.AttemptTimeout"/> each attempt; the HttpClient's own timeout is always infinite.
    /// Default 30 seconds; positive and at most 1 day, or <see cref="System.Threading.Timeout.InfiniteTimeSpan"/>.
    /// </summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Retries, timeouts and the circuit breaker of this instance's requests (configuration:
    /// <c>FaxSdk:{Provider}:Resilience:…</c> or <c>FaxSdk:{Provider}:Instances:{name}:Resilience:…</c>, e.g.
    /// <c>FaxSdk:Phaxio:Resilience:MaxRetryAttempts</c>). Each instance has its own settings and its own pipeline and
    /// circuit breaker, built with Microsoft.Extensions.Http.Resilience.
    /// </summary>
    [Required]
    [ValidateObjectMembers]
    public FaxResilienceOptions Resilience { get; set; } = new();

    /// <summary>
    /// The configured values that are secret (API keys and secrets, passwords, PINs, tokens). FaxSdk replaces them with
    /// <c>***</c> wherever a server echoes them back into an exception (message, response excerpt, request id).
    /// Providers override it to list their secret settings; the default lists none.
    /// </summary>
    /// <returns>The secret values; <see langword="null"/> or empty ones are ignored.</returns>
    public virtual IEnumerable<string?> GetSecretValues() => [];

    /// <summary>
    /// Whether the provider sends its requests to <see cref="BaseAddress"/> (so it is required). <see langword="true"/>
    /// unless a provider overrides it; one that talks to other endpoints checks them in <see cref="ValidateSettings"/>.
    /// </summary>
    protected virtual bool UsesBaseAddress => true;

    /// <summary>
    /// The provider's own checks that data annotations cannot express (settings that depend on each other, endpoints
    /// other than <see cref="BaseAddress"/>). The shared settings are checked by FaxSdk whatever this returns; the base
    /// implementation returns nothing.
    /// </summary>
    /// <returns>
    /// One result per problem. Its first member name is the setting's key relative to the provider's section (for
    /// example <c>AccessToken</c>, or <c>DataCenters:DE1</c>), which FaxSdk prefixes with the instance's configuration
    /// path; its message says what is wrong, without the setting's value.
    /// </returns>
    protected virtual IEnumerable<ValidationResult> ValidateSettings() => [];

    internal bool RequiresBaseAddress => UsesBaseAddress;

    internal IEnumerable<ValidationResult> ValidateProviderSettings() => ValidateSettings();
}
