using System.Net;

namespace FaxSdk.Transport;

/// <summary>
/// The connection failed while <see cref="FaxResponseBufferingHandler"/> read a response body. An <see cref="IOException"/>,
/// so the resilience pipeline treats it as transient; it keeps the response's status for the error the caller gets.
/// </summary>
internal sealed class ResponseBodyException(HttpStatusCode statusCode, Exception innerException) : IOException(innerException.Message, innerException)
{
    /// <summary>The status of the response whose body could not be read.</summary>
    public HttpStatusCode StatusCode { get; } = statusCode;
}
