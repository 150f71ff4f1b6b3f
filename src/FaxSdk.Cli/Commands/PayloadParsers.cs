using FaxSdk.Concord;
using FaxSdk.Pantarey;
using FaxSdk.Phaxio;
using FaxSdk.Retarus;
using FaxSdk.StoneFax;

namespace FaxSdk.Cli.Commands;

/// <summary>The public payload parsers of each provider package, by provider id.</summary>
internal static class PayloadParsers
{
    private static readonly Dictionary<string, Func<byte[], IReadOnlyList<FaxJobStatus>>> Parsers = new(StringComparer.Ordinal)
    {
        [PhaxioStatusParser.ProviderId] = body => [PhaxioStatusParser.ParseResponse(body)],
        [StoneFaxStatusParser.ProviderId] = body => [StoneFaxStatusParser.Parse(body)],
        [PantareyStatusParser.ProviderId] = body => [PantareyStatusParser.Parse(body)],
        [ConcordStatusParser.ProviderId] = body => ConcordStatusParser.Parse(body),
        [RetarusStatusParser.ProviderId] = body => RetarusStatusParser.Parse(body),
    };

    public static IEnumerable<string> ProviderIds => Parsers.Keys;

    /// <summary>Parses <paramref name="body"/> as a response of <paramref name="providerId"/>.</summary>
    public static IReadOnlyList<FaxJobStatus> Parse(string providerId, byte[] body) => Parsers[providerId](body);
}
