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
    /// <exception cref="FaxSdkException">The id cannot be written into a SOAP request (see <see cref="GetStatusResultsAsync"/>).</exception>
    public override async Task<FaxJobStatus> GetStatusAsync(FaxJobReference job, CancellationToken cancellationToken = default)
    {
        var result = (await GetStatusResultsAsync([job], cancellationToken).ConfigureAwait(false))[0];
        var status = result.Status ?? throw result.Error!;
        if (status.Error?.Code == "-5019" || status.Detail?.Contains("(-5019)", StringComparison.Ordinal) == true)
        {
            throw new FaxJobNotFoundException(ProviderId, $"{ProviderId}: job '{job.JobId}' was not found (-5019).") { JobId = job.JobId, ProviderErrorCode = "-5019" };
        }

        return status;
    }

    /// <summary>
    /// Reads many jobs, <see cref="ConcordOptions.MaxBatchSize"/> ids per call. Results come back in the order asked,
    /// one per id; an id Concord does not know (or leaves out) is <see cref="FaxJobState.Unknown"/>, and so is an id
    /// that cannot be sent (see <see cref="GetStatusResultsAsync"/>, which reports it as an error instead).
    /// </summary>
    /// <param name="jobs">The jobs (all Concord).</param>
    /// <param name="cancellationToken">Cancels the calls.</param>
    /// <returns>One status per job, in order.</returns>
    /// <exception cref="ConcordServiceException">Concord answered <c>return: false</c>.</exception>
    /// <exception cref="FaxSdkException">A call failed.</exception>
    public async Task<IReadOnlyList<FaxJobStatus>> GetStatusesAsync(IReadOnlyList<FaxJobReference> jobs, CancellationToken cancellationToken = default)
    {
        var results = await ReadAsync(jobs, throwOnCallFailure: true, cancellationToken).ConfigureAwait(false);
        return [.. results.Select(r => r.Status ?? new FaxJobStatus
        {
            Provider = ProviderId, JobId = r.Job.JobId, State = FaxJobState.Unknown, Detail = r.Error!.Message,
        })];
    }

    /// <summary>
    /// Reads many jobs like <see cref="GetStatusesAsync"/>, each job's status or error on its own: a failed call
    /// (<see cref="ConcordOptions.MaxBatchSize"/> ids) gives its error to its own jobs only, and an id that cannot be
    /// written into a SOAP request (it holds a character XML 1.0 cannot carry, such as U+FFFF) is not sent and gets a
    /// <see cref="FaxSdkException"/> of its own.
    /// </summary>
    /// <param name="jobs">The jobs (all Concord).</param>
    /// <param name="cancellationToken">Cancels the calls.</param>
    /// <returns>One result per job, in order.</returns>
    public Task<IReadOnlyList<FaxJobStatusResult>> GetStatusResultsAsync(IReadOnlyList<FaxJobReference> jobs, CancellationToken cancellationToken = default) =>
        ReadAsync(jobs, throwOnCallFailure: false, cancellationToken);

    private async Task<IReadOnlyList<FaxJobStatusResult>> ReadAsync(IReadOnlyList<FaxJobReference> jobs, bool throwOnCallFailure, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(jobs);
        if (jobs.FirstOrDefault(j => j is null || j.Provider != ProviderId) is { } other)
        {
            throw new ArgumentException($"The job '{other.JobId}' belongs to '{other.Provider}', not '{ProviderId}'.", nameof(jobs));
        }

        var results = new FaxJobStatusResult[jobs.Count];
        var sendable = new List<int>(jobs.Count);
        for (var i = 0; i < jobs.Count; i++)
        {
            if (Options.Transport == ConcordTransport.Soap && !CanWriteXml(jobs[i].JobId))
            {
                results[i] = new FaxJobStatusResult
                {
                    Job = jobs[i],
                    Error = new FaxSdkException(ProviderId, $"{ProviderId}: the job id '{jobs[i].JobId}' cannot be written into a SOAP request (it holds a character XML cannot carry); it was not sent."),
                };
            }
            else
            {
                sendable.Add(i);
            }
        }

        foreach (var batch in sendable.Chunk(Options.MaxBatchSize))
        {
            var ids = batch.Select(i => jobs[i].JobId).ToArray();
            IReadOnlyList<FaxJobStatus> statuses;
            try
            {
                statuses = await CallAsync(ids, cancellationToken).ConfigureAwait(false);
            }
            catch (FaxSdkException exception) when (!throwOnCallFailure)
            {
                foreach (var i in batch)
                {
                    results[i] = new FaxJobStatusResult { Job = jobs[i], Error = exception };
                }

                continue;
            }

            var byId = new Dictionary<string, FaxJobStatus>(StringComparer.Ordinal);
            foreach (var status in statuses)
            {
                byId.TryAdd(status.JobId, status);
            }

            foreach (var i in batch)
            {
                var id = jobs[i].JobId;
                results[i] = new FaxJobStatusResult
                {
                    Job = jobs[i],
                    Status = byId.TryGetValue(id, out var status)
                        ? status
                        : new FaxJobStatus { Provider = ProviderId, JobId = id, State = FaxJobState.Unknown, Detail = "Concord's answer did not include this job id." },
                };
            }
        }

        return results;
    }

    private static bool CanWriteXml(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            if (XmlConvert.IsXmlChar(value[i]))
            {
                continue;
            }

            if (i + 1 < value.Length && XmlConvert.IsXmlSurrogatePair(value[i + 1], value[i]))
            {
                i++;
                continue;
            }

            return false;
        }

        return true;
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
            throw RedactSecrets(new FaxSdkException(ProviderId, $"{ProviderId}: the endpoint was not found (HTTP 404); check BaseAddress.", exception) { StatusCode = exception.StatusCode, RequestId = exception.RequestId }, token);
        }
        catch (FaxSdkException exception)
        {
            throw RedactSecrets(exception, token);
        }

        try
        {
            return ConcordStatusParser.Parse(body, cancellationToken);
        }
        catch (ConcordServiceException exception)
        {
            // The error text is the server's: it may echo the token or PIN back.
            throw RedactSecrets(new ConcordServiceException(exception.ErrorCode, RedactSecrets(exception.ErrorString, token)), token);
        }
        catch (FaxSdkException exception)
        {
            throw RedactSecrets(exception, token);
        }
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
