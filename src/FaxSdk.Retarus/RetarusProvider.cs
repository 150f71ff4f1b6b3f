using Microsoft.Extensions.DependencyInjection;

namespace FaxSdk.Retarus;

/// <summary>The Retarus package as FaxSdk and its tools see it.</summary>
public static class RetarusProvider
{
    /// <summary>
    /// Provider id <c>retarus</c>, configuration section <c>FaxSdk:Retarus</c>, registered by
    /// <c>AddRetarus</c>; payloads (Retarus: Parse, a report list or one report) read by <see cref="RetarusStatusParser"/>; stored status pushes (XML or JSON, by content type) by <see cref="RetarusPushParser"/>.
    /// </summary>
    public static FaxProviderDescriptor Descriptor { get; } = new(
        RetarusStatusParser.ProviderId,
        "Retarus",
        (builder, instanceName) => builder.AddRetarus(instanceName),
        (payload, _) => RetarusStatusParser.Parse(payload))
    {
        WebhookParser = request => [.. (RetarusWebhookReceiver.IsJson(request.ContentType) ? RetarusPushParser.ParseJson(request.Body.Span) : RetarusPushParser.Parse(request.Body.Span)).Select(p => p.Status)],
    };
}
