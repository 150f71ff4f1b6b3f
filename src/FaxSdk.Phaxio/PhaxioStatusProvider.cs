using System.Globalization;
using FaxSdk.Transport;

namespace FaxSdk.Phaxio;

/// <summary>Reads fax status from Phaxio API v2.1: <c>GET faxes/{id}</c> with Basic auth (API key and secret).</summary>
public sealed class PhaxioStatusProvider : FaxHttpStatusProvider<PhaxioOptions>
{
    /// <summary>Creates the provider. Prefer <c>services.AddFaxSdk().AddPhaxio(…)</c>, which wires IHttpClientFactory.</summary>
    /// <param name="httpClient">The HttpClient to send with.</param>
    /// <param name="options">The account settings.</param>
    /// <param name="instanceName">The instance name.</param>
    public PhaxioStatusProvider(HttpClient httpClient, PhaxioOptions options, string instanceName = FaxJobReference.DefaultInstance)
        : base(PhaxioStatusParser.ProviderId, httpClient, options, instanceName)
    {
    }

    /// <inheritdoc />
    public override async Task<FaxJobStatus> GetStatusAsync(FaxJobReference job, CancellationToken cancellationToken = default)
    {
        EnsureOwnJob(job);

        var baseAddress = Options.BaseAddress ?? PhaxioOptions.DefaultBaseAddress;
        var request = new HttpRequestMessage(HttpMethod.Get, FaxUri.Combine(baseAddress, "faxes", FaxUri.EscapePathSegment(job.JobId)));
        request.Headers.Authorization = BasicAuthorization(Options.ApiKey, Options.ApiSecret);
        var body = await SendAsync(request, job.JobId, cancellationToken).ConfigureAwait(false);
        var status = PhaxioStatusParser.ParseResponse(body);
        if (!IsSameFax(status.JobId, job.JobId))
        {
            // Never hand over another fax's status as this job's (a proxy or cache that answers for the wrong path).
            throw new FaxProtocolException(ProviderId,
                $"{ProviderId}: the answer to the request for fax '{job.JobId}' is the status of another fax; it is ignored.");
        }

        return status;
    }

    /// <summary>Phaxio fax ids are numbers: <c>0123</c> and <c>123</c> are the same fax.</summary>
    private static bool IsSameFax(string answered, string asked) =>
        long.TryParse(answered, NumberStyles.None, CultureInfo.InvariantCulture, out var a) && long.TryParse(asked, NumberStyles.None, CultureInfo.InvariantCulture, out var b)
            ? a == b
            : string.Equals(answered, asked, StringComparison.Ordinal);
}
