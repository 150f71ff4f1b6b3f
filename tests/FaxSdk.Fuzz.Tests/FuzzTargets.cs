using FaxSdk.Concord;
using FaxSdk.Pantarey;
using FaxSdk.Phaxio;
using FaxSdk.Retarus;
using FaxSdk.StoneFax;

namespace FaxSdk.Fuzz.Tests;

/// <summary>Every public status and push parser of the five provider packages.</summary>
internal static class FuzzTargets
{
    // West of UTC, so that server-local times near the end of the calendar overflow when shifted.
    private static readonly TimeZoneInfo West = TimeZoneInfo.CreateCustomTimeZone("Fuzz-10", TimeSpan.FromHours(-10), "Fuzz-10", "Fuzz-10");

    public static IReadOnlyList<FuzzTarget> For(string provider) => [.. All.Where(t => t.Provider == provider)];

    public static readonly IReadOnlyList<FuzzTarget> All =
    [
        new("phaxio", "PhaxioStatusParser.ParseResponse", (b, _) => [PhaxioStatusParser.ParseResponse(b)]),
        new("phaxio", "PhaxioStatusParser.ParseFax", (b, _) => [PhaxioStatusParser.ParseFax(b)]),
        new("phaxio", "PhaxioStatusParser.Parse", (b, _) => PhaxioStatusParser.Parse(b)),
        new("phaxio", "PhaxioWebhookParser.Parse (fax_completed)", (b, _) => [PhaxioWebhookParser.Parse(FuzzForms.Fax(b, ("event_type", "fax_completed"))).Status]),
        new("phaxio", "PhaxioWebhookParser.Parse (transmitting_page)", (b, _) => [PhaxioWebhookParser.Parse(FuzzForms.Fax(b, ("event_type", "transmitting_page"), ("page", "2"), ("recipient_phone_number", "+15555550123"))).Status]),
        new("phaxio", "PhaxioWebhookParser.Parse (retry_scheduled)", (b, _) => [PhaxioWebhookParser.Parse(FuzzForms.Fax(b, ("event_type", "retry_scheduled"), ("retry_count", "1"), ("recipient_phone_number", "+15555550123"))).Status]),
        new("phaxio", "PhaxioWebhookParser.Parse (v1/v2 callback)", (b, _) => [PhaxioWebhookParser.Parse(FuzzForms.Fax(b, ("success", "true"), ("is_test", "true"), ("direction", "sent"))).Status]),
        new("phaxio", "PhaxioWebhookParser.Parse (url-encoded form)", (b, _) => [PhaxioWebhookParser.Parse(FuzzForms.UrlEncoded(b)).Status]),
        new("stonefax", "StoneFaxStatusParser.Parse", (b, _) => [StoneFaxStatusParser.Parse(b, West)]),
        new("stonefax", "StoneFaxStatusParser.ParseList", (b, _) => StoneFaxStatusParser.ParseList(b, West)),
        new("pantarey", "PantareyStatusParser.Parse", (b, _) => [PantareyStatusParser.Parse(b)]),
        new("concord", "ConcordStatusParser.Parse", (b, c) => ConcordStatusParser.Parse(b, c)),
        new("concord", "ConcordStatusParser.ParseSimple", (b, c) => [ConcordStatusParser.ParseSimple(b, "br1", c)]),
        new("retarus", "RetarusStatusParser.Parse", (b, _) => RetarusStatusParser.Parse(b)),
        new("retarus", "RetarusStatusParser.ParseReports", (b, _) => [.. RetarusStatusParser.ParseReports(b, "DE1").Select(r => r.Status)]),

        // Push parsers (webhook bodies), seeded by Fixtures/{provider}/push as well.
        new("retarus", "RetarusPushParser.ParseXml", (b, c) => [.. RetarusPushParser.ParseXml(b, "default", c).Select(p => p.Status)]),
        new("retarus", "RetarusPushParser.Parse", (b, _) => [.. RetarusPushParser.Parse(b).Select(p => p.Status)]),
        new("concord", "ConcordPushParser.ParseSoap", (b, c) => [ConcordPushParser.ParseSoap(b, "default", c).Status]),
        new("concord", "ConcordPushParser.ParseUrlEncoded", (b, _) => [ConcordPushParser.ParseUrlEncoded(b).Status]),
        new("pantarey", "PantareyPushParser.Parse", (b, _) => [PantareyPushParser.Parse(b).Status]),
    ];
}
