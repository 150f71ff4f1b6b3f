using Microsoft.Extensions.DependencyInjection;

namespace FaxSdk.Phaxio;

/// <summary>The Phaxio package as FaxSdk and its tools see it.</summary>
public static class PhaxioProvider
{
    /// <summary>
    /// Provider id <c>phaxio</c>, configuration section <c>FaxSdk:Phaxio</c>, registered by
    /// <c>AddPhaxio</c>; payloads (Phaxio API v2.1: a GET /faxes/{id} or list response, or a bare fax object) read by
    /// <see cref="PhaxioStatusParser.Parse"/>.
    /// </summary>
    public static FaxProviderDescriptor Descriptor { get; } = new(
        PhaxioStatusParser.ProviderId,
        "Phaxio",
        (builder, instanceName) => builder.AddPhaxio(instanceName),
        (payload, _) => PhaxioStatusParser.Parse(payload));
}
