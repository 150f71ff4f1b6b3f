namespace FaxSdk;

/// <summary>Reads a provider's stored payload (a status response or webhook body) into canonical statuses.</summary>
/// <param name="payload">The payload's bytes (UTF-8).</param>
/// <param name="context">What the payload does not say about itself (server time zone, job id); parsers ignore what does not apply to them.</param>
/// <returns>The statuses it holds.</returns>
public delegate IReadOnlyList<FaxJobStatus> FaxPayloadParser(ReadOnlySpan<byte> payload, FaxPayloadContext context);
