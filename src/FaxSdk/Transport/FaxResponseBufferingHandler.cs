namespace FaxSdk.Transport;

/// <summary>
/// The innermost handler of a FaxSdk provider client: it reads each response body whole (within
/// <see cref="FaxProviderOptions.MaxResponseBytes"/>) before the response leaves the handler chain, so that reading the
/// body is part of the attempt: the resilience pipeline's attempt timeout covers it, a connection that fails mid-body is
/// a transient failure the pipeline may retry, and a body that stalls ends in a timeout rather than a hang. When no
/// resilience pipeline runs (<see cref="Resilience.FaxResilienceOptions.Enabled"/> off, or the resilience handlers
/// removed), <see cref="FaxProviderOptions.Timeout"/> is the deadline of each send, body included.
/// </summary>
internal sealed class FaxResponseBufferingHandler(string providerId, Func<FaxProviderOptions> providerOptions, bool hasPipeline, TimeProvider time) : DelegatingHandler
{
    /// <summary>The most of an error response's body that is kept (for the error's excerpt).</summary>
    internal const long MaxErrorBodyBytes = 64 * 1024;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var options = providerOptions();
        var timeout = hasPipeline && options.Resilience is { Enabled: true } ? Timeout.InfiniteTimeSpan : options.Timeout;
        if (timeout == Timeout.InfiniteTimeSpan)
        {
            return await SendAndBufferAsync(request, options.MaxResponseBytes, cancellationToken).ConfigureAwait(false);
        }

        using var deadline = new CancellationTokenSource(timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        try
        {
            return await SendAndBufferAsync(request, options.MaxResponseBytes, linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException exception) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new TaskCanceledException(
                $"no complete answer within the timeout of {Resilience.FaxTransientErrors.Format(timeout)} (FaxProviderOptions.Timeout)",
                new TimeoutException(exception.Message, exception));
        }
    }

    private async Task<HttpResponseMessage> SendAndBufferAsync(HttpRequestMessage request, long maxResponseBytes, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        try
        {
            var original = response.Content;
            byte[]? body;
            if (response.IsSuccessStatusCode)
            {
                try
                {
                    body = await FaxHttpContent.TryReadAsync(original, maxResponseBytes, cancellationToken).ConfigureAwait(false)
                        ?? throw FaxHttpContent.TooLarge(providerId, maxResponseBytes, response);
                }
                catch (Exception exception) when (exception is HttpRequestException or IOException)
                {
                    throw new ResponseBodyException(response.StatusCode, exception);
                }
            }
            else
            {
                // An error's body only feeds the error's excerpt: a broken or oversized one is dropped, not an error of its own.
                try
                {
                    body = await FaxHttpContent.TryReadAsync(original, MaxErrorBodyBytes, cancellationToken).ConfigureAwait(false) ?? [];
                }
                catch (Exception exception) when (exception is HttpRequestException or IOException)
                {
                    body = [];
                }
            }

            var buffered = new ByteArrayContent(body);
            foreach (var header in original.Headers)
            {
                if (!string.Equals(header.Key, "Content-Length", StringComparison.OrdinalIgnoreCase))
                {
                    buffered.Headers.TryAddWithoutValidation(header.Key, header.Value);
                }
            }

            response.Content = buffered;
            original.Dispose();
            return response;
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }
}
