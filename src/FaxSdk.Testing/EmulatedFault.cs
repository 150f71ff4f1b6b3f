namespace FaxSdk.Testing;

/// <summary>A failure the emulator can inject instead of (or around) a provider's normal answer.</summary>
public enum EmulatedFault
{
    /// <summary><c>429 Too Many Requests</c> with <c>Retry-After: 1</c> (seconds).</summary>
    TooManyRequests,

    /// <summary><c>503 Service Unavailable</c>.</summary>
    ServiceUnavailable,

    /// <summary><c>520</c>, the "unknown error" a CDN answers with when the origin misbehaves.</summary>
    WebServerError520,

    /// <summary><c>500 Internal Server Error</c>.</summary>
    InternalServerError,

    /// <summary>
    /// Waits <see cref="EmulatorFaults.SlowResponseDelay"/> on the emulator's <see cref="TimeProvider"/>, then answers
    /// normally. A client that gives up first gets nothing, and the request is not processed.
    /// </summary>
    SlowResponse,

    /// <summary>Closes the connection without any response.</summary>
    DroppedConnection,

    /// <summary>
    /// Sends the real status and headers with the real <c>Content-Length</c>, then only the first half of the real body,
    /// and closes the connection: the client sees the body end early.
    /// </summary>
    TruncatedBody,

    /// <summary>
    /// <c>200 OK</c> with the real content type and a body that is not well-formed: the real body with a control
    /// character (U+0001) in the middle. For Concord SOAP this is malformed XML.
    /// </summary>
    MalformedJson,

    /// <summary><c>200 OK</c> with a <c>text/html</c> error page, like a proxy or load balancer answering in the provider's place.</summary>
    HtmlErrorPage,
}
