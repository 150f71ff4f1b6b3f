namespace FaxSdk;

/// <summary>Parses a stored push body (no authentication) into canonical statuses; see <see cref="FaxProviderDescriptor.WebhookParser"/>.</summary>
/// <param name="request">The stored request: its content type, body and, for forms, the decoded form.</param>
/// <returns>The statuses the push carries.</returns>
public delegate IReadOnlyList<FaxJobStatus> FaxWebhookPayloadParser(FaxWebhookRequest request);
