using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Xml.Linq;
using FaxSdk.Concord;

namespace FaxSdk.Testing.Providers;

/// <summary>
/// Concord's Push Notification Interface, on delivery completion (one job per recipient: the job's first recipient,
/// as the status API reports it): the HttpBodyTemplate form (<c>application/x-www-form-urlencoded</c>) or the SOAP
/// <c>FaxDeliveryNotification</c> (<c>text/xml</c>, <c>SOAPAction: C3FDNS/FaxDeliveryNotification</c>), carrying the
/// shared secret in <see cref="FaxEmulator.ConcordPushSecretHeader"/> (a static header Concord's URL template can add).
/// </summary>
internal sealed class ConcordPusher(FaxEmulator emulator) : IProviderPusher
{
    private static readonly XNamespace Soap = "http://schemas.xmlsoap.org/soap/envelope/";
    private static readonly XNamespace Fdn = "C3FDNS";

    public string ProviderId => ConcordProvider.Descriptor.Id;

    public IEnumerable<KeyValuePair<string, string?>> WebhookSettings(EmulatorCredentials credentials) =>
    [
        new("Webhooks:Enabled", "true"),
        new("Webhooks:Secret", credentials.ConcordPushSecret),
    ];

    public IReadOnlyList<PlannedPush> Plan(EmulatedJobRun run) =>
        run.Job.Recipients[0].Final is { } final ? [new PlannedPush(final.At, "FaxDeliveryNotification", true)] : [];

    public HttpRequestMessage Create(PlannedPush push, EmulatedJobRun run, string url, bool forged)
    {
        var job = run.Job;
        var step = job.Recipients[0].Steps[^1];
        var delivered = step.Phase == EmulatedPhase.Delivered;
        var failure = step.Failure ?? FaxFailureCategory.Canceled;
        (string Name, string Value)[] fields =
        [
            ("AccountId", emulator.Credentials.ConcordUserId),
            ("ReferenceId", "emulated-" + job.JobId),
            ("FaxJobId", job.JobId),
            ("FaxJobStatusId", delivered ? "1" : "2"),
            ("StatusDescription", delivered ? "Success" : "Failed"),
            ("PageCount", (delivered ? job.Pages : 0).ToString(CultureInfo.InvariantCulture)),
            ("FaxDeliveryDateTime", run.TimeOf(step.At).ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)),
            ("FaxDeliveryDuration", delivered ? "19" : "0"),
            ("RemoteFaxCSID", delivered ? "Concord Remote" : ""),
            ("ErrorCode", delivered ? "0" : (5000 + (int)failure).ToString(CultureInfo.InvariantCulture)),
            ("ErrorString", delivered ? "" : failure.ToString()),
        ];
        var request = new HttpRequestMessage(HttpMethod.Post, url);
        if (emulator.Options.Push?.ConcordFormat == EmulatedConcordPushFormat.Soap)
        {
            var envelope = new XElement(Soap + "Envelope",
                new XAttribute(XNamespace.Xmlns + "soap", Soap.NamespaceName),
                new XElement(Soap + "Body",
                    new XElement(Fdn + "FaxDeliveryNotification",
                        fields.Select(f => new XElement(Fdn + f.Name, f.Value)),
                        new XElement(Fdn + "DeliveredImage", ""))));
            request.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(envelope.ToString(SaveOptions.DisableFormatting)));
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse("text/xml; charset=utf-8");
            request.Headers.TryAddWithoutValidation("SOAPAction", "C3FDNS/FaxDeliveryNotification");
        }
        else
        {
            var form = string.Join('&', fields.Select(f => $"{f.Name}={Uri.EscapeDataString(f.Value)}"));
            request.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(form));
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/x-www-form-urlencoded");
        }

        var secret = emulator.Credentials.ConcordPushSecret;
        request.Headers.TryAddWithoutValidation(FaxEmulator.ConcordPushSecretHeader, forged ? "not-" + secret : secret);
        return request;
    }
}
