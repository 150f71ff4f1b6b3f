using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Xml;
using FaxSdk.Concord.Dto;
using FaxSdk.Resilience;
using FaxSdk.Transport;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace FaxSdk.Concord;

/// <summary>
/// Concord <c>GetFaxStatus</c> for many job ids per call (JSON or SOAP 1.2), with an OAuth bearer token (or the
/// deprecated UserID + PIN). Every request carries a fresh <c>x-ch-request-id</c>; errors keep the response's
/// <c>x-ch-activity-id</c> as <see cref="FaxSdkException.RequestId"/>.
/// </summary>
public sealed partial class ConcordStatusProvider : FaxHttpStatusProvider<ConcordOptions>, IFaxBatchStatusProvider
{
    private static readonly ConcurrentDictionary<string, bool> PinWarnings = new(StringComparer.Ordinal);
    private readonly ILogger _logger;

    /// <summary>Creates the provider. Prefer <c>services.AddFaxSdk().AddConcord(…)</c>, which wires IHttpClientFactory and logging.</summary>
    /// <param name="httpClient">The HttpClient to send with.</param>
    /// <param name="options">The account settings.</param>
    /// <param name="instanceName">The instance name.</param>
    /// <param name="logger">Where the PIN deprecation warning goes.</param>
    public ConcordStatusProvider(HttpClient httpClient, ConcordOptions options, string instanceName = FaxJobReference.DefaultInstance, ILogger<ConcordStatusProvider>? logger = null)
        : base(ConcordStatusParser.ProviderId, httpClient, options, instanceName)
    {
        _logger = logger ?? (ILogger)NullLogger.Instance;
    }

    /// <inheritdoc />
    /// <exception cref="FaxJobNotFoundException">Concord does not know the id (-5019).</exception>
    public override async Task<FaxJobStatus> GetStatusAsync(FaxJobReference job, CancellationToken cancellationToken = default)
    {
        var status = (await GetStatusesAsync([job], cancellationToken).ConfigureAwait(false))[0];
        if (status.Error?.Code == "-5019" || status.Detail?.Contains("(-5019)", StringComparison.Ordinal) == true)
        {
            throw new FaxJobNotFoundException(ProviderId, $"{ProviderId}: job '{job.JobId}' was not found (-5019).") { JobId = job.JobId, ProviderErrorCode = "-5019" };
        }

        return status;
    }

    /// <summary>
    /// Reads many jobs, <see cref="ConcordOptions.MaxBatchSize"/> ids per call. Results come back in the order asked,
    /// one per id; an id Concord does not know (or leaves out) is <see cref="FaxJobState.Unknown"/>.
    /// </summary>
    /// <param name="jobs">The jobs (all Concord).</param>
    /// <param name="cancellationToken">Cancels the calls.</param>
    /// <returns>One status per job, in order.</returns>
    /// <exception cref="ConcordServiceException">Concord answered <c>return: false</c>.</exception>
    public async Task<IReadOnlyList<FaxJobStatus>> GetStatusesAsync(IReadOnlyList<FaxJobReference> jobs, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(jobs);
        if (jobs.FirstOrDefault(j => j.Provider != ProviderId) is { } other)
        {
            throw new ArgumentException($"The job '{other.JobId}' belongs to '{other.Provider}', not '{ProviderId}'.", nameof(jobs));
        }

        var results = new List<FaxJobStatus>(jobs.Count);
        foreach (var batch in jobs.Select(j => j.JobId).Chunk(Options.MaxBatchSize))
        {
            var statuses = await CallAsync(batch, cancellationToken).ConfigureAwait(false);
            var byId = new Dictionary<string, FaxJobStatus>(StringComparer.Ordinal);
            foreach (var status in statuses)
            {
                byId.TryAdd(status.JobId, status);
            }

            results.AddRange(batch.Select(id => byId.TryGetValue(id, out var status)
                ? status
                : new FaxJobStatus { Provider = ProviderId, JobId = id, State = FaxJobState.Unknown, Detail = "Concord's answer did not include this job id." }));
        }

        return results;
    }

    private async Task<IReadOnlyList<FaxJobStatus>> CallAsync(string[] jobIds, CancellationToken cancellationToken)
    {
        var endpoint = Options.BaseAddress ?? ConcordOptions.DefaultBaseAddress;
        var request = new HttpRequestMessage(HttpMethod.Post, endpoint);
        request.Options.Set(FaxResilience.IdempotentRequest, true); // GetFaxStatus only reads: safe to retry.
        request.Headers.TryAddWithoutValidation("x-ch-request-id", Guid.NewGuid().ToString("D"));
        string? pin = null;
        var token = Options.AccessTokenProvider is { } provider ? await provider(cancellationToken).ConfigureAwait(false) : Options.AccessToken;
        if (!string.IsNullOrWhiteSpace(token))
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        else
        {
            pin = Options.Pin;
            if (PinWarnings.TryAdd(InstanceName, true))
            {
                LogPinDeprecated(_logger, InstanceName);
            }
        }

        request.Content = Options.Transport == ConcordTransport.Soap ? SoapRequest(jobIds, pin) : JsonRequest(jobIds, pin);
        byte[] body;
        try
        {
            body = await SendAsync(request, jobIds.Length == 1 ? jobIds[0] : null, cancellationToken).ConfigureAwait(false);
        }
        catch (FaxJobNotFoundException exception) when (jobIds.Length > 1)
        {
            throw new FaxSdkException(ProviderId, $"{ProviderId}: the endpoint was not found (HTTP 404); check BaseAddress.", exception) { StatusCode = exception.StatusCode, RequestId = exception.RequestId };
        }

        return ConcordStatusParser.Parse(body);
    }

    private ByteArrayContent JsonRequest(string[] jobIds, string? pin)
    {
        var payload = new ConcordJsonRequest
        {
            GetFaxStatus = new ConcordGetFaxStatus { UserId = Options.UserId, Pin = pin, FaxJobIds = [.. jobIds.Select(id => new ConcordJobIdDto { JobId = id })] },
        };
        var content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(payload, ConcordJsonContext.Default.ConcordJsonRequest));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return content;
    }

    private ByteArrayContent SoapRequest(string[] jobIds, string? pin)
    {
        const string soap = "http://www.w3.org/2003/05/soap-envelope";
        using var buffer = new MemoryStream();
        using (var writer = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new UTF8Encoding(false) }))
        {
            writer.WriteStartElement("soap12", "Envelope", soap);
            writer.WriteStartElement("soap12", "Body", soap);
            writer.WriteStartElement("GetFaxStatus", "urn:FaxWS");
            writer.WriteElementString("UserID", "urn:FaxWS", Options.UserId);
            writer.WriteElementString("strPIN", "urn:FaxWS", pin ?? "");
            writer.WriteStartElement("FaxJobIds", "urn:FaxWS");
            foreach (var id in jobIds)
            {
                writer.WriteStartElement("item", "urn:FaxWS");
                writer.WriteElementString("JobId", "urn:FaxWS", id);
                writer.WriteEndElement();
            }

            writer.WriteEndElement();
            writer.WriteEndElement();
            writer.WriteEndElement();
            writer.WriteEndElement();
        }

        var content = new ByteArrayContent(buffer.ToArray());
        content.Headers.ContentType = new MediaTypeHeaderValue("application/soap+xml") { CharSet = "utf-8" };
        return content;
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Warning,
        Message = "Concord instance '{Instance}' authenticates with UserID and PIN, which Concord has deprecated: configure an OAuth 2.0 AccessToken instead.")]
    private static partial void LogPinDeprecated(ILogger logger, string instance);
}
