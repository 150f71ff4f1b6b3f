using System.Net.Http.Headers;

namespace FaxSdk.Transport;

/// <summary>
/// A base for provider integrations that talk HTTP: it holds the provider id, instance name, HttpClient and
/// options, checks that a job belongs to this provider, and sends requests through <see cref="FaxHttpRequests"/>
/// (typed errors, size cap, insecure-http policy). Built-in provider packages derive from it; so can yours.
/// </summary>
/// <typeparam name="TOptions">The provider's options type.</typeparam>
/// <remarks>Every <see cref="FaxSdkException"/> that leaves <see cref="SendAsync"/> has the instance's secret values
/// (<see cref="FaxProviderOptions.GetSecretValues"/>) redacted; use <see cref="RedactSecrets{TException}"/> for errors
/// raised while reading the body. <see cref="FaxStatusClient"/> redacts whatever a provider built on this class throws.</remarks>
public abstract class FaxHttpStatusProvider<TOptions> : IFaxStatusProvider, IFaxSecretSource
    where TOptions : FaxProviderOptions
{
    /// <summary>Initialises the provider.</summary>
    /// <param name="providerId">The provider's lowercase id.</param>
    /// <param name="httpClient">The HttpClient to send with (from IHttpClientFactory).</param>
    /// <param name="options">The provider's settings.</param>
    /// <param name="instanceName">The configured instance's name.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    protected FaxHttpStatusProvider(string providerId, HttpClient httpClient, TOptions options, string instanceName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(providerId);
        ArgumentNullException.ThrowIfNull(httpClient);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(instanceName);
        ProviderId = providerId;
        HttpClient = httpClient;
        Options = options;
        InstanceName = instanceName;
    }

    /// <inheritdoc />
    public string ProviderId { get; }

    /// <inheritdoc />
    public string InstanceName { get; }

    /// <summary>The HttpClient requests are sent with.</summary>
    protected HttpClient HttpClient { get; }

    /// <summary>The provider's settings.</summary>
    protected TOptions Options { get; }

    /// <inheritdoc />
    public abstract Task<FaxJobStatus> GetStatusAsync(FaxJobReference job, CancellationToken cancellationToken = default);

    /// <summary>Checks that <paramref name="job"/> belongs to this provider.</summary>
    /// <param name="job">The job.</param>
    /// <exception cref="ArgumentNullException"><paramref name="job"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The job belongs to another provider.</exception>
    protected void EnsureOwnJob(FaxJobReference job)
    {
        ArgumentNullException.ThrowIfNull(job);
        if (job.Provider != ProviderId)
        {
            throw new ArgumentException($"The job '{job.JobId}' belongs to '{job.Provider}', not '{ProviderId}'.", nameof(job));
        }
    }

    /// <summary>Sends a request with <see cref="FaxHttpRequests.SendAsync(HttpClient, HttpRequestMessage, FaxProviderOptions, string, string, string?, CancellationToken)"/> (with this instance's name for telemetry) and returns the successful body.</summary>
    /// <param name="request">The request (disposed).</param>
    /// <param name="jobId">The job asked for, for not-found errors.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The body.</returns>
    protected async Task<byte[]> SendAsync(HttpRequestMessage request, string? jobId, CancellationToken cancellationToken)
    {
        try
        {
            return await FaxHttpRequests.SendAsync(HttpClient, request, Options, ProviderId, InstanceName, jobId, cancellationToken).ConfigureAwait(false);
        }
        catch (FaxSdkException exception)
        {
            exception.RedactSecrets(Options.GetSecretValues());
            throw;
        }
    }

    /// <summary>Replaces this instance's secret values (and <paramref name="extraSecrets"/>, such as a token fetched for this call) wherever <paramref name="exception"/> shows provider text.</summary>
    /// <typeparam name="TException">The exception type.</typeparam>
    /// <param name="exception">The exception, changed in place.</param>
    /// <param name="extraSecrets">More secret values.</param>
    /// <returns><paramref name="exception"/>, to rethrow.</returns>
    protected TException RedactSecrets<TException>(TException exception, params IEnumerable<string?> extraSecrets)
        where TException : FaxSdkException
    {
        ArgumentNullException.ThrowIfNull(exception);
        exception.RedactSecrets(Options.GetSecretValues().Concat(extraSecrets ?? []));
        return exception;
    }

    /// <summary>Replaces this instance's secret values (and <paramref name="extraSecrets"/>) in a text with <c>***</c>.</summary>
    /// <param name="text">Provider text.</param>
    /// <param name="extraSecrets">More secret values.</param>
    /// <returns>The text without secrets.</returns>
    protected string? RedactSecrets(string? text, params IEnumerable<string?> extraSecrets) =>
        FaxSecrets.Redact(text, FaxSecrets.Normalize(Options.GetSecretValues().Concat(extraSecrets ?? [])));

    IEnumerable<string?> IFaxSecretSource.GetSecretValues() => Options.GetSecretValues();

    /// <summary>
    /// An <c>Authorization: Basic</c> header value (<see cref="FaxHttpRequests.Basic"/>) built once and reused while the
    /// same user and password are asked for (compared ordinally, so a provider that builds the strings per request still
    /// hits the cache; a changed setting builds a new value).
    /// </summary>
    /// <param name="user">The user name or API key.</param>
    /// <param name="password">The password or API secret.</param>
    /// <returns>The header value (immutable; safe to share between requests).</returns>
    protected AuthenticationHeaderValue BasicAuthorization(string user, string password)
    {
        if (Volatile.Read(ref _basic) is { } cached && string.Equals(cached.Key1, user, StringComparison.Ordinal) && string.Equals(cached.Key2, password, StringComparison.Ordinal))
        {
            return cached.Value;
        }

        var value = FaxHttpRequests.Basic(user, password);
        Volatile.Write(ref _basic, new CachedHeader(user, password, value));
        return value;
    }

    private CachedHeader? _basic;

    private sealed record CachedHeader(string Key1, string Key2, AuthenticationHeaderValue Value);
}
