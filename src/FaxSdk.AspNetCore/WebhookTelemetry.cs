using System.Diagnostics;
using System.Diagnostics.Metrics;
using FaxSdk.Diagnostics;

namespace FaxSdk.AspNetCore;

/// <summary>The package's instruments, on a meter named like FaxSdk's (listeners select meters by name).</summary>
internal static class WebhookTelemetry
{
    private static readonly Meter Meter = new(FaxSdkDiagnostics.MeterName, typeof(WebhookTelemetry).Assembly.GetName().Version?.ToString());

    private static readonly Counter<long> Requests = Meter.CreateCounter<long>(
        FaxWebhookDiagnostics.RequestsInstrument, "{request}", "Webhook requests answered, by outcome and status code.");

    private static readonly Counter<long> Pushes = Meter.CreateCounter<long>(
        FaxWebhookDiagnostics.PushesInstrument, "{push}", "Pushed statuses taken from the webhook queue, by disposition.");

    public static void RecordRequest(string provider, string instance, bool accepted, int statusCode)
    {
        var tags = new TagList
        {
            { FaxSdkDiagnostics.ProviderTag, provider },
            { FaxSdkDiagnostics.InstanceTag, instance },
            { FaxWebhookDiagnostics.OutcomeTag, accepted ? "accepted" : "rejected" },
            { FaxSdkDiagnostics.HttpStatusCodeTag, statusCode },
        };
        Requests.Add(1, tags);
    }

    public static void RecordPush(string provider, string instance, string disposition, long count = 1)
    {
        var tags = new TagList
        {
            { FaxSdkDiagnostics.ProviderTag, provider },
            { FaxSdkDiagnostics.InstanceTag, instance },
            { FaxWebhookDiagnostics.DispositionTag, disposition },
        };
        Pushes.Add(count, tags);
    }
}
