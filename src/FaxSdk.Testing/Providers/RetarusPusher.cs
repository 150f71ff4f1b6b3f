using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Xml.Linq;
using FaxSdk.Retarus;
using FaxSdk.Transport;

namespace FaxSdk.Testing.Providers;

/// <summary>
/// Retarus HTTP status push: one <c>POST</c> per job once processing is complete, the getFaxReports
/// <c>faxJobReport</c> XML (namespace <c>http://retarus.com/fax4ba/faxws/3/0</c>, one <c>faxRecipient</c> per
/// recipient), <c>text/xml</c>, with <c>authMethod</c> <c>HTTP_BASIC</c>.
/// </summary>
internal sealed class RetarusPusher(FaxEmulator emulator) : IProviderPusher
{
    private static readonly XNamespace Ns = "http://retarus.com/fax4ba/faxws/3/0";

    public string ProviderId => RetarusProvider.Descriptor.Id;

    public IEnumerable<KeyValuePair<string, string?>> WebhookSettings(EmulatorCredentials credentials) =>
    [
        new("Webhooks:Enabled", "true"),
        new("Webhooks:Username", credentials.RetarusPushUsername),
        new("Webhooks:Password", credentials.RetarusPushPassword),
    ];

    public IReadOnlyList<PlannedPush> Plan(EmulatedJobRun run) =>
        run.Job.Recipients.All(r => r.Final is not null) ? [new PlannedPush(run.Job.Duration, "faxJobReport", true)] : [];

    public HttpRequestMessage Create(PlannedPush push, EmulatedJobRun run, string url, bool forged)
    {
        var job = run.Job;
        var report = new XElement(Ns + "faxJobReport",
            new XElement(Ns + "jobId", job.JobId),
            new XElement(Ns + "httpStatusPush", new XElement(Ns + "url", url), new XElement(Ns + "authMethod", "HTTP_BASIC")),
            job.Recipients.Select((recipient, index) =>
            {
                var final = recipient.Steps[^1];
                var code = final.Phase == EmulatedPhase.Delivered ? "OK" : RetarusEmulator.Code(final.Phase == EmulatedPhase.Canceled ? FaxFailureCategory.Canceled : final.Failure ?? FaxFailureCategory.Unknown);
                return new XElement(Ns + "faxRecipient",
                    new XElement(Ns + "number", recipient.FaxNumber),
                    new XElement(Ns + "numId", $"FN{index + 1:D2}{job.JobId}"),
                    new XElement(Ns + "status", code),
                    new XElement(Ns + "reason", code == "OK" ? "OK" : "simulated"),
                    new XElement(Ns + "sentTS", run.TimeOf(final.At).ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)),
                    new XElement(Ns + "durationInSecs", final.Phase == EmulatedPhase.Delivered ? 19 : 0),
                    new XElement(Ns + "sentToNumber", "00" + recipient.FaxNumber.TrimStart('+')),
                    new XElement(Ns + "remoteCsid", final.Phase == EmulatedPhase.Delivered ? "Retarus Faxolution" : ""));
            }),
            new XElement(Ns + "pages", job.Pages));
        var xml = new XDocument(new XDeclaration("1.0", "utf-8", null), report);
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(xml.Declaration + xml.ToString(SaveOptions.DisableFormatting)));
        content.Headers.ContentType = MediaTypeHeaderValue.Parse("text/xml; charset=utf-8");
        var credentials = emulator.Credentials;
        var password = forged ? "not-" + credentials.RetarusPushPassword : credentials.RetarusPushPassword;
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = content };
        request.Headers.Authorization = FaxHttpRequests.Basic(credentials.RetarusPushUsername, password);
        return request;
    }
}
