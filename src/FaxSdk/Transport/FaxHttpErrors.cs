using System.Net;
using System.Net.Http.Headers;

namespace FaxSdk.Transport;

/// <summary>Maps an unsuccessful HTTP response to the typed FaxSdk exception it stands for.</summary>
public static class FaxHttpErrors
{
    private static readonly string[] RequestIdHeaders = ["x-request-id", "x-ch-activity-id", "request-id", "x-correlation-id", "x-amzn-requestid"];

    /// <summary>Creates the exception for a response that was not successful.</summary>
    /// <param name="provider">The provider id.</param>
    /// <param name="response">The response.</param>
    /// <param name="body">Its body (only a redacted excerpt is kept).</param>
    /// <param name="jobId">The job asked for, if any.</param>
    /// <param name="providerErrorCode">The provider's error code, if the caller read one from the body.</param>
    /// <returns>401/403 <see cref="FaxAuthenticationException"/>; 404 <see cref="FaxJobNotFoundException"/>; 429
    /// <see cref="FaxRateLimitedException"/>; 408, 5xx and 520 <see cref="FaxProviderUnavailableException"/>; otherwise
    /// <see cref="FaxSdkException"/>.</returns>
    public static FaxSdkException CreateException(string provider, HttpResponseMessage response, ReadOnlySpan<byte> body, string? jobId = null, string? providerErrorCode = null)
    {
        ArgumentNullException.ThrowIfNull(response);
        var status = response.StatusCode;
        var code = (int)status;
        var excerpt = ResponseExcerpt.FromBody(body);
        var requestId = RequestId(response);
        var reason = $"HTTP {code} {response.ReasonPhrase}".TrimEnd();
        var notFoundMessage = jobId is null ? $"{provider}: not found ({reason})." : $"{provider}: job '{jobId}' was not found ({reason}).";
        return status switch
        {
            HttpStatusCode.Unauthorized => new FaxAuthenticationException(provider, $"{provider}: the credentials were refused ({reason}). Check the configured user/key and secret.")
            {
                StatusCode = status, ProviderErrorCode = providerErrorCode, RequestId = requestId, ResponseExcerpt = excerpt,
            },
            HttpStatusCode.Forbidden => new FaxAuthenticationException(provider, $"{provider}: the account is not allowed to read this ({reason}).")
            {
                IsForbidden = true, StatusCode = status, ProviderErrorCode = providerErrorCode, RequestId = requestId, ResponseExcerpt = excerpt,
            },
            HttpStatusCode.NotFound => new FaxJobNotFoundException(provider, notFoundMessage)
            {
                JobId = jobId, StatusCode = status, ProviderErrorCode = providerErrorCode, RequestId = requestId, ResponseExcerpt = excerpt,
            },
            HttpStatusCode.TooManyRequests => new FaxRateLimitedException(provider, $"{provider}: rate limited ({reason}).")
            {
                RetryAfter = RetryAfter(response.Headers.RetryAfter), StatusCode = status, ProviderErrorCode = providerErrorCode, RequestId = requestId, ResponseExcerpt = excerpt,
            },
            _ when status == HttpStatusCode.RequestTimeout || code >= 500 => new FaxProviderUnavailableException(provider, $"{provider}: the service is unavailable ({reason}).")
            {
                StatusCode = status, ProviderErrorCode = providerErrorCode, RequestId = requestId, ResponseExcerpt = excerpt,
            },
            _ => new FaxSdkException(provider, $"{provider}: the request failed ({reason}).")
            {
                StatusCode = status, ProviderErrorCode = providerErrorCode, RequestId = requestId, ResponseExcerpt = excerpt,
            },
        };
    }

    /// <summary>Reads a request id from the usual headers, if the provider sent one.</summary>
    /// <param name="response">The response.</param>
    /// <returns>The request id, or <see langword="null"/>.</returns>
    public static string? RequestId(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        foreach (var name in RequestIdHeaders)
        {
            if (response.Headers.TryGetValues(name, out var values) && values.FirstOrDefault() is { Length: > 0 } value)
            {
                return value.Length > 128 ? value[..128] : value;
            }
        }

        return null;
    }

    /// <summary>Reads <c>Retry-After</c> as a delay (seconds or an HTTP date).</summary>
    /// <param name="header">The header value.</param>
    /// <param name="timeProvider">The clock for HTTP dates; <see cref="TimeProvider.System"/> by default.</param>
    /// <returns>The delay (never negative), or <see langword="null"/> when absent.</returns>
    public static TimeSpan? RetryAfter(RetryConditionHeaderValue? header, TimeProvider? timeProvider = null)
    {
        if (header?.Delta is { } delta)
        {
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        }

        if (header?.Date is { } date)
        {
            var wait = date - (timeProvider ?? TimeProvider.System).GetUtcNow();
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }

        return null;
    }
}
