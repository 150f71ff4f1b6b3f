using FaxSdk.Transport;

namespace FaxSdk.StoneFax;

/// <summary>Reads outbound fax status from an Imagicle server: <c>GET fw/Apps/StoneFax/WebAPI/Faxes/Outbound/{id}</c> with Basic auth.</summary>
public sealed class StoneFaxStatusProvider : FaxHttpStatusProvider<StoneFaxOptions>
{
    /// <summary>Creates the provider. Prefer <c>services.AddFaxSdk().AddStoneFax(…)</c>, which wires IHttpClientFactory.</summary>
    /// <param name="httpClient">The HttpClient to send with.</param>
    /// <param name="options">The server settings.</param>
    /// <param name="instanceName">The instance name.</param>
    public StoneFaxStatusProvider(HttpClient httpClient, StoneFaxOptions options, string instanceName = FaxJobReference.DefaultInstance)
        : base(StoneFaxStatusParser.ProviderId, httpClient, options, instanceName)
    {
    }

    /// <inheritdoc />
    public override async Task<FaxJobStatus> GetStatusAsync(FaxJobReference job, CancellationToken cancellationToken = default)
    {
        EnsureOwnJob(job);

        var baseAddress = Options.BaseAddress ?? throw new InvalidOperationException("stonefax: BaseAddress is not configured.");
        var uri = FaxUri.Combine(baseAddress, "fw/Apps/StoneFax/WebAPI/Faxes/Outbound", FaxUri.EscapePathSegment(job.JobId));
        var request = new HttpRequestMessage(HttpMethod.Get, uri);
        request.Headers.Authorization = BasicAuthorization(Options.Username, Options.Password);
        var body = await SendAsync(request, job.JobId, cancellationToken).ConfigureAwait(false);
        try
        {
            return StoneFaxStatusParser.Parse(body, Options.ServerTimeZone);
        }
        catch (FaxSdkException exception)
        {
            throw RedactSecrets(exception);
        }
    }
}
