using Microsoft.Extensions.DependencyInjection;

namespace FaxSdk.StoneFax;

/// <summary>The StoneFax package as FaxSdk and its tools see it.</summary>
public static class StoneFaxProvider
{
    /// <summary>
    /// Provider id <c>stonefax</c>, configuration section <c>FaxSdk:StoneFax</c>, registered by
    /// <c>AddStoneFax</c>; payloads (Imagicle StoneFax: Parse, an outbound fax resource) read by <see cref="StoneFaxStatusParser"/>.
    /// </summary>
    public static FaxProviderDescriptor Descriptor { get; } = new(
        StoneFaxStatusParser.ProviderId,
        "StoneFax",
        (builder, instanceName) => builder.AddStoneFax(instanceName),
        (payload, context) => StoneFaxStatusParser.ParseList(payload, context.ServerTimeZone));
}
