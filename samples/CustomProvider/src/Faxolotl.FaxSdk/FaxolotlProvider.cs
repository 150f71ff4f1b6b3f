using FaxSdk;
using Microsoft.Extensions.DependencyInjection;

namespace Faxolotl;

/// <summary>The Faxolotl package as FaxSdk and its tools see it.</summary>
public static class FaxolotlProvider
{
    /// <summary>
    /// Provider id <c>faxolotl</c>, configuration section <c>FaxSdk:Faxolotl</c>, registered by <c>AddFaxolotl</c>;
    /// stored job payloads read by <see cref="FaxolotlStatusParser.Parse"/>.
    /// </summary>
    public static FaxProviderDescriptor Descriptor { get; } = new(
        FaxolotlStatusParser.ProviderId,
        "Faxolotl",
        (builder, instanceName) => builder.AddFaxolotl(instanceName),
        (payload, _) => [FaxolotlStatusParser.Parse(payload)]);
}
