using FaxSdk.Transport;

namespace FaxSdk.StoneFax;

/// <summary>Reads outbound fax status from an Imagicle server: <c>GET fw/Apps/StoneFax/WebAPI/Faxes/Outbound/{id}</c> with Basic auth.</summary>
public sealed class StoneFaxStatusProvider : IFaxStatusProvider
{
    private readonly HttpClient _httpClient;
    private readonly StoneFaxOptions _options;

    /// <summary>Creates the provider. Prefer <c>services.AddFaxSdk().AddStoneFax(…)</c>, which wires IHttpClientFactory.</summary>
    /// <param name="httpClient">The HttpClient to send with.</param>
    /// <param name="options">The server settings.</param>
    /// <param name="instanceName">The instance name.</param>
    public StoneFaxStatusProvider(HttpClient httpClient, StoneFaxOptions options, string instanceName = FaxJobReference.DefaultInstance)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        ArgumentNullException.ThrowIfNull(options);
        _httpClient = httpClient;
        _options = options;
        InstanceName = instanceName;
    }

    /// <inheritdoc />
    public string ProviderId => StoneFaxStatusParser.ProviderId;

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

        var baseAddress = _options.BaseAddress ?? throw new InvalidOperationException("stonefax: BaseAddress is not configured.");
        var uri = FaxUri.Combine(baseAddress, "fw/Apps/StoneFax/WebAPI/Faxes/Outbound", FaxUri.EscapePathSegment(job.JobId));
        var request = new HttpRequestMessage(HttpMethod.Get, uri);
        request.Headers.Authorization = FaxHttpRequests.Basic(_options.Username, _options.Password);
        var body = await FaxHttpRequests.SendAsync(_httpClient, request, _options, ProviderId, job.JobId, cancellationToken).ConfigureAwait(false);
        return StoneFaxStatusParser.Parse(body, _options.ServerTimeZone);
    }
}
