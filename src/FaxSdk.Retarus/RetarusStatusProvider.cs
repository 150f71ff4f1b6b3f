using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Text.Json;
using FaxSdk.Retarus.Dto;
using FaxSdk.Retarus.Reading;
using FaxSdk.Resilience;
using FaxSdk.Transport;

namespace FaxSdk.Retarus;

/// <summary>
/// Retarus Fax-for-Applications REST v1: the status of one job from every data centre of the region, and the report
/// feed (<c>GET /{custNr}/fax/reports</c>) whose reports are deleted only once acknowledged.
/// </summary>
public sealed class RetarusStatusProvider : FaxHttpStatusProvider<RetarusOptions>, IFaxReportFeedProvider
{
    private const int MaxIdsPerBulkRequest = 1000;
    private readonly TimeProvider _timeProvider;

    /// <summary>Creates the provider. Prefer <c>services.AddFaxSdk().AddRetarus(…)</c>, which wires IHttpClientFactory.</summary>
    /// <param name="httpClient">The HttpClient to send with.</param>
    /// <param name="options">The account settings.</param>
    /// <param name="instanceName">The instance name.</param>
    /// <param name="timeProvider">The clock for deletion back-off; <see cref="TimeProvider.System"/> by default.</param>
    public RetarusStatusProvider(HttpClient httpClient, RetarusOptions options, string instanceName = FaxJobReference.DefaultInstance, TimeProvider? timeProvider = null)
        : base(RetarusStatusParser.ProviderId, httpClient, options, instanceName)
    {
        _timeProvider = timeProvider ?? TimeProvider.System;
    }

    /// <summary>
    /// Asks every data centre of the region for the job's report, concurrently; the report found wins. When no data
    /// centre has one (404 everywhere), the job is not complete yet (or the id is unknown: Retarus cannot tell), and
    /// the status is <see cref="FaxJobState.Pending"/>, not an exception.
    /// </summary>
    /// <param name="job">The job.</param>
    /// <param name="cancellationToken">Cancels the requests.</param>
    /// <returns>The status.</returns>
    public override async Task<FaxJobStatus> GetStatusAsync(FaxJobReference job, CancellationToken cancellationToken = default)
    {
        EnsureOwnJob(job);

        var dataCenters = Options.ResolveDataCenters();
        var lookups = dataCenters.Select(async dc =>
        {
            try
            {
                var body = await SendAsync(HttpMethod.Get, dc.Value, null, job.JobId, cancellationToken, "fax", "reports", FaxUri.EscapePathSegment(job.JobId)).ConfigureAwait(false);
                var report = RetarusStatusParser.ParseReports(body, dc.Key).FirstOrDefault();
                if (report is not null && !string.Equals(report.Status.JobId, job.JobId, StringComparison.Ordinal))
                {
                    // Never hand over another job's report as this job's status.
                    throw new FaxProtocolException(ProviderId,
                        $"{ProviderId}: data centre {dc.Key} answered the request for job '{job.JobId}' with the report of another job; the report is ignored.");
                }

                return (Report: report, Error: (FaxSdkException?)null);
            }
            catch (FaxJobNotFoundException)
            {
                return (Report: (FaxReport?)null, Error: (FaxSdkException?)null);
            }
            catch (FaxSdkException exception)
            {
                return (Report: (FaxReport?)null, Error: exception);
            }
        }).ToList();
        var results = await Task.WhenAll(lookups).ConfigureAwait(false);

        if (results.Select(r => r.Report).FirstOrDefault(r => r is not null) is { } found)
        {
            return found.Status;
        }

        if (results.Select(r => r.Error).FirstOrDefault(e => e is not null) is { } error)
        {
            // A data centre that failed may hold the report: do not guess.
            throw error;
        }

        return new FaxJobStatus
        {
            Provider = ProviderId,
            JobId = job.JobId,
            State = FaxJobState.Pending,
            Detail = "No report yet: Retarus reports a job once it is complete (an unknown job id looks the same).",
        };
    }

    /// <summary>
    /// Reads the oldest reports (up to 1000 per data centre) from every data centre concurrently and hands each job
    /// over once, even when two data centres hold it. Reports from a data centre that fails are not lost: the
    /// failure is thrown after the other data centres' reports, and they are read again next time.
    /// </summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The reports.</returns>
    public async IAsyncEnumerable<FaxReport> ReadReportsAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var dataCenters = Options.ResolveDataCenters();
        var reads = dataCenters.Select(async dc =>
        {
            try
            {
                var body = await SendAsync(HttpMethod.Get, dc.Value, null, null, cancellationToken, "fax", "reports").ConfigureAwait(false);
                return (Reports: RetarusStatusParser.ParseReports(body, dc.Key), Error: (FaxSdkException?)null);
            }
            catch (FaxSdkException exception)
            {
                return (Reports: (IReadOnlyList<FaxReport>)[], Error: exception);
            }
        }).ToList();
        var results = await Task.WhenAll(reads).ConfigureAwait(false);

        var byJob = new Dictionary<string, FaxReport>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var report in results.SelectMany(r => r.Reports))
        {
            if (byJob.TryGetValue(report.Status.JobId, out var seen))
            {
                byJob[report.Status.JobId] = seen with { Locations = [.. seen.Locations.Union(report.Locations)] };
            }
            else
            {
                byJob[report.Status.JobId] = report;
                order.Add(report.Status.JobId);
            }
        }

        foreach (var jobId in order)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return byJob[jobId];
        }

        if (results.Select(r => r.Error).FirstOrDefault(e => e is not null) is { } error)
        {
            throw error;
        }
    }

    /// <summary>
    /// Deletes the reports on every data centre they were read from (bulk <c>POST …/reports</c> with
    /// <c>{"action":"DELETE"}</c> in batches of 1000, or a single <c>DELETE</c> for one report), retrying failures up
    /// to <see cref="RetarusOptions.MaxDeleteAttempts"/> times. A report the data centre no longer has counts as deleted.
    /// </summary>
    /// <param name="reports">Processed reports.</param>
    /// <param name="cancellationToken">Cancels the deletion.</param>
    /// <returns>A task that completes when every report is deleted.</returns>
    /// <exception cref="FaxSdkException">Some reports are still not deleted after the retries; they will be read again.</exception>
    public async Task AcknowledgeAsync(IReadOnlyList<FaxReport> reports, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reports);
        var dataCenters = Options.ResolveDataCenters().ToDictionary(d => d.Key, d => d.Value, StringComparer.Ordinal);
        var pending = reports
            .SelectMany(r => (r.Locations.Count == 0 ? dataCenters.Keys : (IEnumerable<string>)r.Locations).Select(dc => (DataCenter: dc, r.Status.JobId)))
            .Distinct()
            .ToList();
        FaxSdkException? lastError = null;
        for (var attempt = 1; attempt <= Options.MaxDeleteAttempts && pending.Count > 0; attempt++)
        {
            if (attempt > 1)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(100 * (1 << (attempt - 2))), _timeProvider, cancellationToken).ConfigureAwait(false);
            }

            var failed = new List<(string DataCenter, string JobId)>();
            foreach (var group in pending.GroupBy(p => p.DataCenter))
            {
                if (!dataCenters.TryGetValue(group.Key, out var address))
                {
                    throw new ArgumentException($"{ProviderId}: a report names data centre '{group.Key}', which is not configured.", nameof(reports));
                }

                foreach (var batch in group.Select(p => p.JobId).Chunk(MaxIdsPerBulkRequest))
                {
                    try
                    {
                        var notDeleted = await DeleteAsync(address, batch, cancellationToken).ConfigureAwait(false);
                        failed.AddRange(notDeleted.Select(id => (group.Key, id)));
                    }
                    catch (FaxSdkException exception)
                    {
                        lastError = exception;
                        failed.AddRange(batch.Select(id => (group.Key, id)));
                    }
                }
            }

            pending = failed;
        }

        if (pending.Count > 0)
        {
            var ids = string.Join(", ", pending.Take(10).Select(p => $"{p.JobId}@{p.DataCenter}"));
            throw new FaxSdkException(ProviderId,
                $"{ProviderId}: {pending.Count} report(s) could not be deleted after {Options.MaxDeleteAttempts} attempt(s) ({ids}{(pending.Count > 10 ? ", …" : "")}); they will be read again.",
                lastError);
        }
    }

    /// <returns>The ids the data centre did not delete.</returns>
    private async Task<IReadOnlyList<string>> DeleteAsync(Uri dataCenter, string[] jobIds, CancellationToken cancellationToken)
    {
        if (jobIds.Length == 1)
        {
            try
            {
                await SendAsync(HttpMethod.Delete, dataCenter, null, jobIds[0], cancellationToken, "fax", "reports", FaxUri.EscapePathSegment(jobIds[0])).ConfigureAwait(false);
            }
            catch (FaxJobNotFoundException)
            {
                // Already gone.
            }

            return [];
        }

        var body = JsonSerializer.SerializeToUtf8Bytes(new RetarusBulkRequest { Action = "DELETE", JobIds = jobIds }, RetarusJsonContext.Default.RetarusBulkRequest);
        var answer = await SendAsync(HttpMethod.Post, dataCenter, body, null, cancellationToken, "fax", "reports").ConfigureAwait(false);
        var gone = RetarusBulkAnswerReader.Read(answer);
        return [.. jobIds.Where(id => !gone.TryGetValue(id, out var isGone) || !isGone)];
    }

    private Task<byte[]> SendAsync(HttpMethod method, Uri dataCenter, byte[]? body, string? jobId, CancellationToken cancellationToken, params string[] path)
    {
        var segments = new string[path.Length + 1];
        segments[0] = FaxUri.EscapePathSegment(Options.CustomerNumber);
        path.CopyTo(segments, 1);
        var request = new HttpRequestMessage(method, FaxUri.Combine(dataCenter, segments));
        request.Headers.Authorization = BasicAuthorization(Options.Username, Options.Password);
        if (method == HttpMethod.Post)
        {
            // The only POST is the bulk DELETE action: deleting is idempotent, so it is safe to retry.
            request.Options.Set(FaxResilience.IdempotentRequest, true);
        }

        if (body is not null)
        {
            request.Content = new ByteArrayContent(body);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        }

        return SendAsync(request, jobId, cancellationToken);
    }
}
