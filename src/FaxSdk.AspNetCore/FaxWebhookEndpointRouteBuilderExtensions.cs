using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace FaxSdk.AspNetCore;

/// <summary>Maps FaxSdk's webhook endpoints.</summary>
public static partial class FaxWebhookEndpointRouteBuilderExtensions
{
    /// <summary>The default path prefix: <c>/faxsdk/hooks</c>.</summary>
    public const string DefaultPrefix = "/faxsdk/hooks";

    /// <summary>The route value holding what follows an endpoint's path (a secret path segment).</summary>
    internal const string ExtraPathRouteValue = "faxsdkExtraPath";

    /// <summary>
    /// Maps one <c>POST</c> endpoint per provider instance whose webhooks are enabled (a <see cref="FaxWebhookRegistration"/>
    /// whose <c>Create</c> returns a receiver): <c>{prefix}/{provider}</c> for the default instance,
    /// <c>{prefix}/{provider}/{instance}</c> for a named one; each also takes paths below its own (<c>{path}/{secret}</c>),
    /// for receivers that check a secret path segment in <see cref="FaxWebhookRequest.Url"/>. Each is declared with
    /// <see cref="FaxPushInbox.RegisterReceiver"/> and carries <see cref="FaxWebhookEndpoint"/> metadata. Each request is
    /// read once within limits, authenticated before anything is parsed, parsed by the provider's receiver, queued for
    /// <see cref="FaxStatusClient.Pushes"/>, and answered with the receiver's success status (see docs/webhooks.md).
    /// </summary>
    /// <param name="endpoints">The endpoint route builder (the <c>WebApplication</c>).</param>
    /// <param name="prefix">The path prefix; starts with <c>/</c>. Default <see cref="DefaultPrefix"/>.</param>
    /// <returns>The group of the endpoints, to add conventions (authorization, rate limiting, host filtering) to.</returns>
    /// <exception cref="InvalidOperationException"><c>AddFaxWebhooks()</c> was not called, or an instance name cannot be a path segment.</exception>
    public static RouteGroupBuilder MapFaxWebhooks(this IEndpointRouteBuilder endpoints, string prefix = DefaultPrefix)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentException.ThrowIfNullOrWhiteSpace(prefix);
        if (!prefix.StartsWith('/') || prefix.Contains('?', StringComparison.Ordinal) || prefix.Contains('#', StringComparison.Ordinal))
        {
            throw new ArgumentException("The prefix must be a path that starts with '/', such as /faxsdk/hooks.", nameof(prefix));
        }

        prefix = prefix.TrimEnd('/');
        var services = endpoints.ServiceProvider;
        if (services.GetService<WebhookPushQueue>() is null)
        {
            throw new InvalidOperationException("MapFaxWebhooks needs the webhook host: call services.AddFaxSdk(configuration).AddFaxWebhooks() (with the provider packages' Add… methods) first.");
        }

        var client = services.GetRequiredService<FaxStatusClient>();
        var group = endpoints.MapGroup(prefix);
        var seen = new HashSet<(string, string)>();
        var registrations = services.GetServices<FaxWebhookRegistration>().ToList();
        foreach (var registration in registrations)
        {
            if (!seen.Add((registration.ProviderId, registration.InstanceName)))
            {
                throw new InvalidOperationException($"Webhooks for provider '{registration.ProviderId}' instance '{registration.InstanceName}' are registered twice.");
            }

            if (registration.Create(services) is null)
            {
                continue;
            }

            if (!PathSegment().IsMatch(registration.ProviderId) || !PathSegment().IsMatch(registration.InstanceName))
            {
                throw new InvalidOperationException($"Provider '{registration.ProviderId}' instance '{registration.InstanceName}' cannot be a webhook path: use letters, digits, '.', '_' and '-'.");
            }

            var relative = registration.InstanceName == FaxJobReference.DefaultInstance
                ? $"/{registration.ProviderId}"
                : $"/{registration.ProviderId}/{registration.InstanceName}";
            var path = prefix + relative;
            // Below the default instance's path, a segment naming another instance (enabled or not) is never a secret.
            var instanceNames = registrations
                .Where(r => r.ProviderId == registration.ProviderId && r.InstanceName != FaxJobReference.DefaultInstance)
                .Select(r => r.InstanceName)
                .ToHashSet(StringComparer.Ordinal);
            var handler = new WebhookEndpointHandler(registration, path, registration.InstanceName == FaxJobReference.DefaultInstance ? instanceNames : [], services);
            group.MapPost(relative, handler.HandleAsync)
                .WithMetadata(new FaxWebhookEndpoint(registration.ProviderId, registration.InstanceName, path))
                .WithDisplayName($"FaxSdk webhook {registration.ProviderId}/{registration.InstanceName}");

            // A secret path segment below the endpoint ({path}/{secret}); a named instance's literal path outranks it.
            group.MapPost($"{relative}/{{**{ExtraPathRouteValue}}}", handler.HandleAsync)
                .WithDisplayName($"FaxSdk webhook {registration.ProviderId}/{registration.InstanceName} (with a path below it)");
            client.Pushes.RegisterReceiver(registration.ProviderId, registration.InstanceName);
        }

        return group;
    }

    [GeneratedRegex(@"^(?!\.\.?$)[A-Za-z0-9._-]+$")]
    private static partial Regex PathSegment();
}
