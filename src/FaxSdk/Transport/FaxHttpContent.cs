using System.Buffers;

namespace FaxSdk.Transport;

/// <summary>Reads response bodies with a size cap, without ever buffering an oversized body whole.</summary>
public static class FaxHttpContent
{
    /// <summary>Reads the response body, refusing it once it exceeds <paramref name="maxBytes"/>.</summary>
    /// <param name="response">The response (its content is consumed).</param>
    /// <param name="maxBytes">The largest body accepted.</param>
    /// <param name="provider">The provider id, for errors.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The body bytes.</returns>
    /// <exception cref="FaxProtocolException">The body is larger than <paramref name="maxBytes"/> (by its Content-Length or as read).</exception>
    /// <exception cref="FaxProviderUnavailableException">The connection failed while reading.</exception>
    public static async Task<byte[]> ReadBoundedAsync(HttpResponseMessage response, long maxBytes, string provider, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(response);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxBytes);
        try
        {
            return await TryReadAsync(response.Content, maxBytes, cancellationToken).ConfigureAwait(false)
                ?? throw TooLarge(provider, maxBytes, response);
        }
        catch (Exception exception) when (exception is HttpRequestException or IOException)
        {
            throw new FaxProviderUnavailableException(provider, $"{provider}: the connection failed while reading the response: {exception.Message}", exception)
            {
                StatusCode = response.StatusCode,
            };
        }
    }

    /// <summary>Reads <paramref name="content"/> whole, or returns <see langword="null"/> as soon as it exceeds <paramref name="maxBytes"/>.</summary>
    /// <exception cref="HttpRequestException">The connection failed while reading.</exception>
    /// <exception cref="IOException">The connection failed while reading.</exception>
    internal static async Task<byte[]?> TryReadAsync(HttpContent content, long maxBytes, CancellationToken cancellationToken)
    {
        if (content.Headers.ContentLength is { } declared && declared > maxBytes)
        {
            return null;
        }

        await using var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        var buffer = ArrayPool<byte>.Shared.Rent((int)Math.Min(16 * 1024, maxBytes + 1));
        try
        {
            var length = 0;
            while (true)
            {
                if (length == buffer.Length)
                {
                    var larger = ArrayPool<byte>.Shared.Rent((int)Math.Min((long)buffer.Length * 2, maxBytes + 1));
                    buffer.AsSpan(0, length).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }

                var toRead = (int)Math.Min(buffer.Length - length, maxBytes + 1 - length);
                var read = await stream.ReadAsync(buffer.AsMemory(length, toRead), cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    return buffer.AsSpan(0, length).ToArray();
                }

                length += read;
                if (length > maxBytes)
                {
                    return null;
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>The error for a body over the size cap.</summary>
    internal static FaxProtocolException TooLarge(string provider, long maxBytes, HttpResponseMessage response) =>
        new(provider, $"{provider}: the response exceeds the {FormatSize(maxBytes)} limit (MaxResponseBytes); it was not read.")
        {
            StatusCode = response.StatusCode,
        };

    private static string FormatSize(long bytes) =>
        bytes % (1024 * 1024) == 0 ? $"{bytes / (1024 * 1024)} MiB" : bytes % 1024 == 0 ? $"{bytes / 1024} KiB" : $"{bytes} bytes";
}
