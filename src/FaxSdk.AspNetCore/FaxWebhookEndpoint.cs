namespace FaxSdk.AspNetCore;

/// <summary>
/// Endpoint metadata on each endpoint <see cref="FaxWebhookEndpointRouteBuilderExtensions.MapFaxWebhooks"/> maps: which
/// provider instance it receives for, and its path (find them through <c>EndpointDataSource</c>).
/// </summary>
/// <param name="Provider">The provider id.</param>
/// <param name="Instance">The instance name.</param>
/// <param name="Path">The path, prefix included: <c>{prefix}/{provider}</c> or <c>{prefix}/{provider}/{instance}</c>.</param>
public sealed record FaxWebhookEndpoint(string Provider, string Instance, string Path);
