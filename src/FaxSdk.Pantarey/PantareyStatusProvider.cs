using System.Net.Http.Headers;
using System.Text.Json;
using FaxSdk.Pantarey.Dto;
using FaxSdk.Resilience;
using FaxSdk.Transport;

namespace FaxSdk.Pantarey;

/// <summary>
/// Runs Pantarey's "Query fax status" task through the endpoint you configure: POSTs <c>{"jobId", "test"}</c> (the
/// job's sandbox/live mode travels with its <see cref="FaxJobReference.IsTest"/>) and reads the task output.
/// </summary>
public sealed class PantareyStatusProvider : FaxHttpStatusProvider<PantareyOptions>
{
    /// <summary>Creates the provider. Prefer <c>services.AddFaxSdk().AddPantarey(…)</c>, which wires IHttpClientFactory.</summary>
    /// <param name="httpClient">The HttpClient to send with.</param>
    /// <param name="options">The endpoint settings.</param>
    /// <param name="instanceName">The instance name.</param>
    public PantareyStatusProvider(HttpClient httpClient, PantareyOptions options, string instanceName = FaxJobReference.DefaultInstance)
        : base(PantareyStatusParser.ProviderId, httpClient, options, instanceName)
    {
    }

    /// <inheritdoc />
    /// <exception cref="FaxJobNotFoundException">Pantarey does not know the job; the message says that the job's test
    /// flag may not match the mode it was created in.</exception>
    public override async Task<FaxJobStatus> GetStatusAsync(FaxJobReference job, CancellationToken cancellationToken = default)
    {
        EnsureOwnJob(job);

        var endpoint = Options.BaseAddress ?? throw new InvalidOperationException("pantarey: BaseAddress is not configured.");
        var input = JsonSerializer.SerializeToUtf8Bytes(new PantareyQueryInput { JobId = job.JobId, Test = job.IsTest }, PantareyJsonContext.Default.PantareyQueryInput);
        var request = new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = new ByteArrayContent(input) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Options.Set(FaxResilience.IdempotentRequest, true); // The query task only reads: safe to retry.
        request.Headers.Authorization = string.IsNullOrWhiteSpace(Options.BearerToken)
            ? BasicAuthorization(Options.Username ?? "", Options.Password ?? "")
            : new AuthenticationHeaderValue("Bearer", Options.BearerToken);

        byte[] body;
        try
        {
            body = await SendAsync(request, job.JobId, cancellationToken).ConfigureAwait(false);
        }
        catch (FaxJobNotFoundException exception)
        {
            var mode = job.IsTest ? "sandbox (test: true)" : "live (test: false)";
            throw new FaxJobNotFoundException(ProviderId,
                $"{ProviderId}: job '{job.JobId}' was not found in {mode} mode. Pantarey only finds a job in the mode it was created in: check the job reference's IsTest.",
                exception)
            {
                JobId = job.JobId,
                StatusCode = exception.StatusCode,
                RequestId = exception.RequestId,
                ResponseExcerpt = exception.ResponseExcerpt,
            };
        }

        var status = PantareyStatusParser.Parse(body, job.IsTest);
        if (!string.Equals(status.JobId, job.JobId, StringComparison.OrdinalIgnoreCase))
        {
            // Never hand over another job's status as this job's (a proxy or cache that answers for the wrong path).
            throw new FaxProtocolException(ProviderId,
                $"{ProviderId}: the answer to the request for job '{job.JobId}' is the status of another job; it is ignored.");
        }

        return status;
    }
}
