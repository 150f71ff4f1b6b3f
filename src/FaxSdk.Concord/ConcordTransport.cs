namespace FaxSdk.Concord;

/// <summary>How requests are encoded. Both carry the same operation.</summary>
public enum ConcordTransport
{
    /// <summary><c>application/json</c> (the default here).</summary>
    Json,

    /// <summary><c>application/soap+xml</c>, SOAP 1.2 (the service's own default).</summary>
    Soap,
}
