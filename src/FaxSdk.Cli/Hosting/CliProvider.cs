using FaxSdk.Concord;
using FaxSdk.Pantarey;
using FaxSdk.Phaxio;
using FaxSdk.Retarus;
using FaxSdk.StoneFax;

namespace FaxSdk.Cli.Hosting;

/// <summary>
/// The provider packages the CLI ships with, by their descriptors: the one place that lists them. <c>parse</c>,
/// <c>status</c>, <c>watch</c> and <c>reports</c> take their provider ids, configuration sections, registration and
/// payload parsers from here.
/// </summary>
internal static class CliProvider
{
    /// <summary>The five providers, in the order the CLI lists them.</summary>
    public static IReadOnlyList<FaxProviderDescriptor> All { get; } =
    [
        PhaxioProvider.Descriptor,
        StoneFaxProvider.Descriptor,
        PantareyProvider.Descriptor,
        ConcordProvider.Descriptor,
        RetarusProvider.Descriptor,
    ];

    /// <summary>The provider ids, for <c>--provider</c>.</summary>
    public static IReadOnlyList<string> Ids { get; } = [.. All.Select(p => p.Id)];

    /// <summary>The provider ids whose packages read stored payloads, for <c>parse --provider</c>.</summary>
    public static IReadOnlyList<string> ParserIds { get; } = [.. All.Where(p => p.CanParsePayloads).Select(p => p.Id)];

    /// <summary>The descriptor of a provider id (one of <see cref="Ids"/>).</summary>
    /// <param name="id">The id.</param>
    /// <returns>The descriptor.</returns>
    public static FaxProviderDescriptor Get(string id) => All.First(p => p.Id == id);
}
