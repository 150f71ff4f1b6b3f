using Microsoft.Extensions.DependencyInjection;

namespace FaxSdk.Phaxio;

/// <summary>The Phaxio package as FaxSdk and its tools see it.</summary>
public static class PhaxioProvider
{
    /// <summary>
    /// Provider id <c>phaxio</c>, configuration section <c>FaxSdk:Phaxio</c>, registered by
    /// <c>AddPhaxio</c>; payloads (Phaxio API v2.1: a GET /faxes/{id} or list response, or a bare fax object) read by
    /// <see cref="PhaxioStatusParser.Parse"/>; pushes (a v2.1 webhook or v1/v2 callback, from the request's decoded form)
    /// read by <see cref="PhaxioWebhookParser.Parse(FaxWebhookRequest)"/>, without authentication.
    /// </summary>
    public static FaxProviderDescriptor Descriptor { get; } = new(
        PhaxioStatusParser.ProviderId,
        "Phaxio",
        (builder, instanceName) => builder.AddPhaxio(instanceName),
        (payload, _) => PhaxioStatusParser.Parse(payload))
    {
        WebhookParser = request => [PhaxioWebhookParser.Parse(request).Status],
    };
}
