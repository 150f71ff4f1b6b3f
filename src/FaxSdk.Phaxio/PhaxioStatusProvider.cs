using FaxSdk.Transport;

namespace FaxSdk.Phaxio;

/// <summary>Reads fax status from Phaxio API v2.1: <c>GET faxes/{id}</c> with Basic auth (API key and secret).</summary>
public sealed class PhaxioStatusProvider : IFaxStatusProvider
{
    private readonly HttpClient _httpClient;
    private readonly PhaxioOptions _options;

    /// <summary>Creates the provider. Prefer <c>services.AddFaxSdk().AddPhaxio(…)</c>, which wires IHttpClientFactory.</summary>
    /// <param name="httpClient">The HttpClient to send with.</param>
    /// <param name="options">The account settings.</param>
    /// <param name="instanceName">The instance name.</param>
    public PhaxioStatusProvider(HttpClient httpClient, PhaxioOptions options, string instanceName = FaxJobReference.DefaultInstance)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        ArgumentNullException.ThrowIfNull(options);
        _httpClient = httpClient;
        _options = options;
        InstanceName = instanceName;
    }

    /// <inheritdoc />
    public string ProviderId => PhaxioStatusParser.ProviderId;

    /// <inheritdoc />
    public string InstanceName { get; }

    /// <inheritdoc />
    public FaxProviderCapabilities Capabilities => FaxProviderCapabilities.SingleQuery;

    /// <inheritdoc />
    public async Task<FaxJobStatus> GetStatusAsync(FaxJobReference job, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(job);
        if (job.Provider != ProviderId)
        {
            throw new ArgumentException($"The job belongs to '{job.Provider}', not '{ProviderId}'.", nameof(job));
        }

        var baseAddress = _options.BaseAddress ?? PhaxioOptions.DefaultBaseAddress;
        var request = new HttpRequestMessage(HttpMethod.Get, FaxUri.Combine(baseAddress, "faxes", FaxUri.EscapePathSegment(job.JobId)));
        request.Headers.Authorization = FaxHttpRequests.Basic(_options.ApiKey, _options.ApiSecret);
        var body = await FaxHttpRequests.SendAsync(_httpClient, request, _options, ProviderId, job.JobId, cancellationToken).ConfigureAwait(false);
        return PhaxioStatusParser.ParseResponse(body);
    }
}
