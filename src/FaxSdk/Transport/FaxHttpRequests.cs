using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using FaxSdk.Diagnostics;
using FaxSdk.Resilience;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace FaxSdk.Transport;

/// <summary>Sends one provider request and returns its body, turning every failure into a typed FaxSdk exception.</summary>
public static class FaxHttpRequests
{
    /// <summary>Sends <paramref name="request"/> and reads a successful body within the size cap (instance <c>default</c> in telemetry).</summary>
    /// <param name="client">The HttpClient (from IHttpClientFactory).</param>
    /// <param name="request">The request; disposed by this method.</param>
    /// <param name="options">The provider's options (size cap, insecure-http policy).</param>
    /// <param name="provider">The provider id.</param>
    /// <param name="jobId">The job asked for, for not-found errors.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The body of a 2xx response.</returns>
    /// <exception cref="FaxSdkException">A typed subclass for 401/403/404/429/5xx, network failures, timeouts, an open
    /// circuit breaker and oversized bodies.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static Task<byte[]> SendAsync(HttpClient client, HttpRequestMessage request, FaxProviderOptions options, string provider, string? jobId, CancellationToken cancellationToken) =>
        SendAsync(client, request, options, provider, FaxJobReference.DefaultInstance, jobId, cancellationToken);

    /// <summary>
    /// Sends <paramref name="request"/> and reads a successful body within the size cap, reporting the request as an
    /// activity and in the <c>faxsdk.requests</c> / <c>faxsdk.request.duration</c> instruments (see
    /// <see cref="Diagnostics.FaxSdkDiagnostics"/>).
    /// </summary>
    /// <param name="client">The HttpClient (from IHttpClientFactory).</param>
    /// <param name="request">The request; disposed by this method.</param>
    /// <param name="options">The provider's options (size cap, insecure-http policy).</param>
    /// <param name="provider">The provider id.</param>
    /// <param name="instance">The provider instance's name, for telemetry.</param>
    /// <param name="jobId">The job asked for, for not-found errors (and the activity's job id tag).</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The body of a 2xx response.</returns>
    /// <exception cref="FaxSdkException">A typed subclass for 401/403/404/429/5xx, network failures, timeouts, an open
    /// circuit breaker and oversized bodies.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static async Task<byte[]> SendAsync(HttpClient client, HttpRequestMessage request, FaxProviderOptions options, string provider, string instance, string? jobId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(instance);
        using (request)
        {
            FaxEndpointPolicy.EnsureAllowed(request.RequestUri ?? throw new ArgumentException("The request has no URI.", nameof(request)), options.AllowInsecureHttp, provider);
            var started = Stopwatch.GetTimestamp();
            var method = request.Method.Method;
            using var activity = FaxSdkTelemetry.StartRequest(provider, instance, request, jobId);
            HttpStatusCode? status = null;
            try
            {
                // In a FaxSdk provider client the innermost handler has read the body whole within each attempt, so the
                // pipeline's attempt and total timeouts cover it, and the read below takes it from memory. A hand-built
                // HttpClient has no such handler: there only the caller's token bounds the body.
                HttpResponseMessage response;
                try
                {
                    response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
                }
                catch (ResponseBodyException exception)
                {
                    throw new FaxProviderUnavailableException(provider, $"{provider}: the connection failed while reading the response: {exception.Message}", exception) { StatusCode = exception.StatusCode };
                }
                catch (HttpRequestException exception)
                {
                    throw new FaxProviderUnavailableException(provider, $"{provider}: the request failed before a response: {exception.Message}", exception);
                }
                catch (IOException exception)
                {
                    throw new FaxProviderUnavailableException(provider, $"{provider}: the connection failed: {exception.Message}", exception);
                }
                catch (TimeoutRejectedException exception)
                {
                    throw new FaxProviderUnavailableException(provider, $"{provider}: the request timed out ({Describe(exception)}).", exception);
                }
                catch (BrokenCircuitException exception)
                {
                    throw new FaxProviderUnavailableException(provider, $"{provider}: the provider is unavailable ({Describe(exception)}).", exception);
                }
                catch (OperationCanceledException exception) when (!cancellationToken.IsCancellationRequested)
                {
                    var detail = exception.InnerException is TimeoutException ? $" ({exception.Message.TrimEnd('.')})" : "";
                    throw new FaxProviderUnavailableException(provider, $"{provider}: the request timed out{detail}.", exception);
                }

                byte[] body;
                using (response)
                {
                    status = response.StatusCode;
                    if (!response.IsSuccessStatusCode)
                    {
                        byte[] errorBody;
                        try
                        {
                            errorBody = await FaxHttpContent.ReadBoundedAsync(response, FaxResponseBufferingHandler.MaxErrorBodyBytes, provider, cancellationToken).ConfigureAwait(false);
                        }
                        catch (FaxSdkException)
                        {
                            errorBody = [];
                        }

                        throw FaxHttpErrors.CreateException(provider, response, errorBody, jobId);
                    }

                    body = await FaxHttpContent.ReadBoundedAsync(response, options.MaxResponseBytes, provider, cancellationToken).ConfigureAwait(false);
                }

                FaxSdkTelemetry.RecordRequest(activity, provider, instance, method, status, null, Stopwatch.GetElapsedTime(started));
                return body;
            }
            catch (Exception exception)
            {
                FaxSdkTelemetry.RecordRequest(activity, provider, instance, method, status ?? (exception as FaxSdkException)?.StatusCode, exception, Stopwatch.GetElapsedTime(started));
                throw;
            }
        }
    }

    private static string Describe(TimeoutRejectedException exception) => exception.TelemetrySource?.StrategyName switch
    {
        FaxResilienceStrategies.TotalTimeoutName => $"no successful answer within the total timeout of {FaxTransientErrors.Format(exception.Timeout)}",
        FaxResilienceStrategies.AttemptTimeoutName => $"the last attempt got no complete answer within the attempt timeout of {FaxTransientErrors.Format(exception.Timeout)}",
        _ => $"no answer within {FaxTransientErrors.Format(exception.Timeout)}",
    };

    private static string Describe(BrokenCircuitException exception) =>
        exception.RetryAfter is { } retryAfter
            ? $"not sent: the circuit breaker is open after repeated failures; requests are refused for about {FaxTransientErrors.Format(retryAfter)} more"
            : "not sent: the circuit breaker is open after repeated failures";

    /// <summary>An <c>Authorization: Basic</c> header value for a user and password.</summary>
    /// <param name="user">The user name or API key.</param>
    /// <param name="password">The password or API secret.</param>
    /// <returns>The header value.</returns>
    public static AuthenticationHeaderValue Basic(string user, string password) =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));
}
