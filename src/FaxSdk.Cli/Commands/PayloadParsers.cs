using FaxSdk.Concord;
using FaxSdk.Pantarey;
using FaxSdk.Phaxio;
using FaxSdk.Retarus;
using FaxSdk.StoneFax;

namespace FaxSdk.Cli.Commands;

/// <summary>The public payload parsers of each provider package, by provider id.</summary>
internal static class PayloadParsers
{
    private static readonly Dictionary<string, Func<byte[], PayloadSettings, IReadOnlyList<FaxJobStatus>>> Parsers = new(StringComparer.Ordinal)
    {
        [PhaxioStatusParser.ProviderId] = (body, _) => [PhaxioStatusParser.ParseResponse(body)],
        [StoneFaxStatusParser.ProviderId] = (body, settings) => StoneFaxStatusParser.ParseList(body, settings.TimeZone),
        [PantareyStatusParser.ProviderId] = (body, _) => [PantareyStatusParser.Parse(body)],
        [ConcordStatusParser.ProviderId] = (body, settings) => settings.JobId is { } jobId
            ? [ConcordStatusParser.ParseSimple(body, jobId)]
            : ConcordStatusParser.Parse(body),
        [RetarusStatusParser.ProviderId] = (body, _) => RetarusStatusParser.Parse(body),
    };

    /// <summary>The providers whose answers carry server-local times that <c>--time-zone</c> applies to.</summary>
    public static IReadOnlySet<string> TimeZoneProviders { get; } = new HashSet<string>(StringComparer.Ordinal) { StoneFaxStatusParser.ProviderId };

    /// <summary>The providers with an answer that names no job, read with <c>--job-id</c>.</summary>
    public static IReadOnlySet<string> JobIdProviders { get; } = new HashSet<string>(StringComparer.Ordinal) { ConcordStatusParser.ProviderId };

    public static IEnumerable<string> ProviderIds => Parsers.Keys;

    /// <summary>Parses <paramref name="body"/> as a response of <paramref name="providerId"/>.</summary>
    public static IReadOnlyList<FaxJobStatus> Parse(string providerId, byte[] body, PayloadSettings? settings = null) =>
        Parsers[providerId](body, settings ?? new PayloadSettings());
}
