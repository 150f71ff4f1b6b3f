namespace FaxSdk.AspNetCore;

/// <summary>
/// The names under which FaxSdk.AspNetCore reports. Its instruments are on FaxSdk's meter
/// (<see cref="FaxSdk.Diagnostics.FaxSdkDiagnostics.MeterName"/>, <c>FaxSdk</c>), so <c>.AddMeter("FaxSdk")</c> collects
/// them with the rest; its logs use the category <see cref="LoggerCategory"/>. Neither carries a body, a header, a
/// secret or a URL.
/// </summary>
public static class FaxWebhookDiagnostics
{
    /// <summary>The logger category: <c>FaxSdk.AspNetCore.Webhooks</c>.</summary>
    public const string LoggerCategory = "FaxSdk.AspNetCore.Webhooks";

    /// <summary>
    /// Counter <c>faxsdk.webhook.requests</c>, unit <c>{request}</c>: webhook requests answered. Tags <c>faxsdk.provider</c>,
    /// <c>faxsdk.instance</c>, <see cref="OutcomeTag"/> (<c>accepted</c> or <c>rejected</c>) and <c>http.response.status_code</c>.
    /// </summary>
    public const string RequestsInstrument = "faxsdk.webhook.requests";

    /// <summary>
    /// Counter <c>faxsdk.webhook.pushes</c>, unit <c>{push}</c>: pushed statuses taken from the queue. Tags
    /// <c>faxsdk.provider</c>, <c>faxsdk.instance</c> and <see cref="DispositionTag"/>: <c>published</c>, <c>duplicate</c>,
    /// <c>stale</c>, <c>unconfirmed</c> (see <see cref="FaxPushDisposition"/>), <c>failed</c> (the inbox threw) or
    /// <c>dropped</c> (not processed before shutdown ended).
    /// </summary>
    public const string PushesInstrument = "faxsdk.webhook.pushes";

    /// <summary>Tag <c>faxsdk.webhook.outcome</c>: <c>accepted</c> or <c>rejected</c>.</summary>
    public const string OutcomeTag = "faxsdk.webhook.outcome";

    /// <summary>Tag <c>faxsdk.push.disposition</c>: what became of a queued push.</summary>
    public const string DispositionTag = "faxsdk.push.disposition";
}
