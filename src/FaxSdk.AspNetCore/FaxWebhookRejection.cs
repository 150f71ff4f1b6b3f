namespace FaxSdk.AspNetCore;

/// <summary>A webhook request that was refused; it carries no request data, only what is safe to log.</summary>
/// <param name="Provider">The provider id of the endpoint.</param>
/// <param name="Instance">The instance name of the endpoint.</param>
/// <param name="StatusCode">The status code answered (400, 401, 404, 408, 413, 500 or 503).</param>
/// <param name="Reason">A short reason, such as <c>signature mismatch</c>.</param>
public sealed record FaxWebhookRejection(string Provider, string Instance, int StatusCode, string Reason);
