using Microsoft.Extensions.DependencyInjection;

namespace FaxSdk.Concord;

/// <summary>The Concord package as FaxSdk and its tools see it.</summary>
public static class ConcordProvider
{
    /// <summary>
    /// Provider id <c>concord</c>, configuration section <c>FaxSdk:Concord</c>, registered by
    /// <c>AddConcord</c>; payloads (Concord: Parse, a GetFaxStatus response (JSON or SOAP 1.2)) read by <see cref="ConcordStatusParser"/>; stored push notifications (form or SOAP, by content type) by <see cref="ConcordPushParser"/>.
    /// </summary>
    public static FaxProviderDescriptor Descriptor { get; } = new(
        ConcordStatusParser.ProviderId,
        "Concord",
        (builder, instanceName) => builder.AddConcord(instanceName),
        (payload, context) => context.JobId is { } jobId
            ? [ConcordStatusParser.ParseSimple(payload, jobId)]
            : ConcordStatusParser.Parse(payload))
    {
        WebhookParser = request => [ConcordPushParser.ParseRequest(request, FaxJobReference.DefaultInstance).Status],
    };
}
