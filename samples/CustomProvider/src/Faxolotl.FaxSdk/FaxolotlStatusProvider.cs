using FaxSdk;
using FaxSdk.Transport;

namespace Faxolotl;

/// <summary>Reads fax status from Faxolotl: <c>GET v1/jobs/{id}</c> with the <c>X-Faxolotl-Key</c> header.</summary>
public sealed class FaxolotlStatusProvider : FaxHttpStatusProvider<FaxolotlOptions>
{
    /// <summary>The header that carries the API key.</summary>
    public const string ApiKeyHeader = "X-Faxolotl-Key";

    /// <summary>Creates the provider. Prefer <c>services.AddFaxSdk().AddFaxolotl(…)</c>, which wires IHttpClientFactory.</summary>
    /// <param name="httpClient">The HttpClient to send with.</param>
    /// <param name="options">The account settings.</param>
    /// <param name="instanceName">The instance name.</param>
    public FaxolotlStatusProvider(HttpClient httpClient, FaxolotlOptions options, string instanceName = FaxJobReference.DefaultInstance)
        : base(FaxolotlStatusParser.ProviderId, httpClient, options, instanceName)
    {
    }

    /// <inheritdoc />
    public override async Task<FaxJobStatus> GetStatusAsync(FaxJobReference job, CancellationToken cancellationToken = default)
    {
        EnsureOwnJob(job);

        // The job id is untrusted: escaped into exactly one path segment, so "../x" or "a/b" cannot change the route.
        var baseAddress = Options.BaseAddress ?? FaxolotlOptions.DefaultBaseAddress;
        var request = new HttpRequestMessage(HttpMethod.Get, FaxUri.Combine(baseAddress, "v1", "jobs", FaxUri.EscapePathSegment(job.JobId)));
        request.Headers.Add(ApiKeyHeader, Options.ApiKey);

        // Typed errors (401, 404, 429, 5xx, timeouts), the size cap and the http policy come from the base class.
        var body = await SendAsync(request, job.JobId, cancellationToken).ConfigureAwait(false);
        return FaxolotlStatusParser.Parse(body);
    }
}
