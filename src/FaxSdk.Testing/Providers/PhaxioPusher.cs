using System.Buffers;
using FaxSdk.Phaxio;
using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace FaxSdk.Testing.Providers;

/// <summary>
/// Phaxio API v2.1 send webhooks: <c>POST multipart/form-data</c> with <c>fax</c> (the Fax Object as a JSON string) and
/// <c>event_type</c> (<c>transmitting_page</c> with <c>page</c> and <c>recipient_phone_number</c>, <c>retry_scheduled</c>
/// with <c>retry_count</c> and <c>recipient_phone_number</c>, <c>fax_completed</c>), signed with <c>X-Phaxio-Signature</c>.
/// </summary>
internal sealed class PhaxioPusher(FaxEmulator emulator) : IProviderPusher
{
    /// <summary>The signature header.</summary>
    public const string SignatureHeader = "X-Phaxio-Signature";

    public string ProviderId => PhaxioProvider.Descriptor.Id;

    public IEnumerable<KeyValuePair<string, string?>> WebhookSettings(EmulatorCredentials credentials) =>
    [
        new("Webhooks:Enabled", "true"),
        new("Webhooks:Token", credentials.PhaxioWebhookToken),
    ];

    public IReadOnlyList<PlannedPush> Plan(EmulatedJobRun run)
    {
        var job = run.Job;
        var pushes = new List<PlannedPush>();
        if (emulator.Options.Push?.PhaxioInflightEvents ?? true)
        {
            foreach (var recipient in job.Recipients)
            {
                var retries = 0;
                foreach (var step in recipient.Steps)
                {
                    if (step.Phase == EmulatedPhase.Transmitting)
                    {
                        pushes.AddRange(Enumerable.Range(1, job.Pages).Select(page =>
                            new PlannedPush(step.At, "transmitting_page", false) { Page = page, RecipientPhoneNumber = recipient.FaxNumber }));
                    }
                    else if (step.Phase == EmulatedPhase.RetryScheduled)
                    {
                        pushes.Add(new PlannedPush(step.At, "retry_scheduled", false) { RetryCount = ++retries, RecipientPhoneNumber = recipient.FaxNumber });
                    }
                }
            }
        }

        if (job.Recipients.All(r => r.Final is not null))
        {
            pushes.Add(new PlannedPush(job.Duration, "fax_completed", true));
        }

        // Stable: in time order, recipients in order, the completion last.
        return [.. pushes.OrderBy(p => p.At)];
    }

    public HttpRequestMessage Create(PlannedPush push, EmulatedJobRun run, string url, bool forged)
    {
        var fields = new List<KeyValuePair<string, string>> { new("fax", FaxJson(run, push.At)), new("event_type", push.Event) };
        if (push.Event == "transmitting_page")
        {
            fields.Add(new("page", push.Page.ToString(CultureInfo.InvariantCulture)));
        }
        else if (push.Event == "retry_scheduled")
        {
            fields.Add(new("retry_count", push.RetryCount.ToString(CultureInfo.InvariantCulture)));
        }

        if (push.RecipientPhoneNumber is { } number)
        {
            fields.Add(new("recipient_phone_number", number));
        }

        var boundary = "FaxSdkEmulator" + Convert.ToHexStringLower(SHA1.HashData(Encoding.UTF8.GetBytes($"{run.Job.JobId}\n{push.Event}\n{push.At.Ticks}\n{push.Page}\n{push.RetryCount}\n{push.RecipientPhoneNumber}")))[..16];
        var content = new ByteArrayContent(Multipart(boundary, fields));
        content.Headers.ContentType = MediaTypeHeaderValue.Parse($"multipart/form-data; boundary={boundary}");
        var token = emulator.Credentials.PhaxioWebhookToken;
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = content };
        request.Headers.TryAddWithoutValidation(SignatureHeader, Signature(forged ? "not-" + token : token, url, fields));
        return request;
    }

    /// <summary>
    /// <c>X-Phaxio-Signature</c> as Phaxio documents it ("Verifying callback requests"): the URL as submitted, then each
    /// field's name and value sorted by name, then each file part's name and the lowercase hex SHA1 of its content
    /// sorted by name (send webhooks have none), signed with HMAC-SHA1 keyed by the webhook token; lowercase hex.
    /// </summary>
    private static string Signature(string token, string url, IEnumerable<KeyValuePair<string, string>> fields)
    {
        var signed = new StringBuilder(url);
        foreach (var (name, value) in fields.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            signed.Append(name).Append(value);
        }

        return Convert.ToHexStringLower(HMACSHA1.HashData(Encoding.UTF8.GetBytes(token), Encoding.UTF8.GetBytes(signed.ToString())));
    }

    private static byte[] Multipart(string boundary, IEnumerable<KeyValuePair<string, string>> fields)
    {
        var body = new StringBuilder();
        foreach (var (name, value) in fields)
        {
            body.Append("--").Append(boundary).Append("\r\n")
                .Append("Content-Disposition: form-data; name=\"").Append(name).Append("\"\r\n\r\n")
                .Append(value).Append("\r\n");
        }

        body.Append("--").Append(boundary).Append("--\r\n");
        return Encoding.UTF8.GetBytes(body.ToString());
    }

    private static string FaxJson(EmulatedJobRun run, TimeSpan elapsed)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            PhaxioEmulator.WriteFax(writer, run, elapsed);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
