using System.Net.Http.Headers;
using System.Text;

namespace FaxSdk.Transport;

/// <summary>Sends one provider request and returns its body, turning every failure into a typed FaxSdk exception.</summary>
public static class FaxHttpRequests
{
    private const long MaxErrorBodyBytes = 64 * 1024;

    /// <summary>Sends <paramref name="request"/> and reads a successful body within the size cap.</summary>
    /// <param name="client">The HttpClient (from IHttpClientFactory).</param>
    /// <param name="request">The request; disposed by this method.</param>
    /// <param name="options">The provider's options (size cap, insecure-http policy).</param>
    /// <param name="provider">The provider id.</param>
    /// <param name="jobId">The job asked for, for not-found errors.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The body of a 2xx response.</returns>
    /// <exception cref="FaxSdkException">A typed subclass for 401/403/404/429/5xx, network failures, timeouts and oversized bodies.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static async Task<byte[]> SendAsync(HttpClient client, HttpRequestMessage request, FaxProviderOptions options, string provider, string? jobId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(options);
        using (request)
        {
            FaxEndpointPolicy.EnsureAllowed(request.RequestUri ?? throw new ArgumentException("The request has no URI.", nameof(request)), options.AllowInsecureHttp, provider);
            HttpResponseMessage response;
            try
            {
                response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            }
            catch (HttpRequestException exception)
            {
                throw new FaxProviderUnavailableException(provider, $"{provider}: the request failed before a response: {exception.Message}", exception);
            }
            catch (OperationCanceledException exception) when (!cancellationToken.IsCancellationRequested)
            {
                throw new FaxProviderUnavailableException(provider, $"{provider}: the request timed out.", exception);
            }

            using (response)
            {
                if (response.IsSuccessStatusCode)
                {
                    return await FaxHttpContent.ReadBoundedAsync(response, options.MaxResponseBytes, provider, cancellationToken).ConfigureAwait(false);
                }

                byte[] errorBody;
                try
                {
                    errorBody = await FaxHttpContent.ReadBoundedAsync(response, MaxErrorBodyBytes, provider, cancellationToken).ConfigureAwait(false);
                }
                catch (FaxSdkException)
                {
                    errorBody = [];
                }

                throw FaxHttpErrors.CreateException(provider, response, errorBody, jobId);
            }
        }
    }

    /// <summary>An <c>Authorization: Basic</c> header value for a user and password.</summary>
    /// <param name="user">The user name or API key.</param>
    /// <param name="password">The password or API secret.</param>
    /// <returns>The header value.</returns>
    public static AuthenticationHeaderValue Basic(string user, string password) =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));
}
