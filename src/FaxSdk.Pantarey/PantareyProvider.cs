using Microsoft.Extensions.DependencyInjection;

namespace FaxSdk.Pantarey;

/// <summary>The Pantarey package as FaxSdk and its tools see it.</summary>
public static class PantareyProvider
{
    /// <summary>
    /// Provider id <c>pantarey</c>, configuration section <c>FaxSdk:Pantarey</c>, registered by
    /// <c>AddPantarey</c>; payloads (Pantarey: Parse, a Query fax status answer) read by <see cref="PantareyStatusParser"/>; stored status pushes (FaxSdk's contract: the output plus <c>"test"</c>) by <see cref="PantareyPushParser"/>.
    /// </summary>
    public static FaxProviderDescriptor Descriptor { get; } = new(
        PantareyStatusParser.ProviderId,
        "Pantarey",
        (builder, instanceName) => builder.AddPantarey(instanceName),
        (payload, _) => [PantareyStatusParser.Parse(payload)])
    {
        WebhookParser = request => [PantareyPushParser.Parse(request.Body.Span).Status],
    };
}
