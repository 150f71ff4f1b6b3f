using System.Text;
using System.Text.RegularExpressions;

namespace FaxSdk.Providers.Tests.Phaxio;

/// <summary>
/// Decodes the stored webhook bodies of <c>Fixtures/phaxio/webhooks</c> into the form a host hands a receiver
/// (FaxSdk.AspNetCore decodes real requests; these tests build <see cref="FaxWebhookRequest"/> directly).
/// </summary>
internal static partial class WebhookForms
{
    public const string Directory = "phaxio/webhooks";

    /// <summary>The URL of the documented example request: Host <c>hooks.example.com</c>, path and query as sent.</summary>
    public static readonly Uri ExampleUrl = new("https://hooks.example.com/phaxio/callback?tenant=42");

    public static byte[] Body(string fixture) => Fixture.Bytes(Directory, fixture);

    public static FaxWebhookForm Load(string fixture) => Decode(fixture, Body(fixture));

    public static FaxWebhookForm Decode(string fixture, byte[] body) =>
        fixture.EndsWith(".multipart", StringComparison.Ordinal) ? Multipart(body) : UrlEncoded(body);

    public static string ContentType(string fixture) =>
        fixture.EndsWith(".multipart", StringComparison.Ordinal) ? "multipart/form-data; boundary=XyZ" : "application/x-www-form-urlencoded";

    public static FaxWebhookRequest Request(FaxWebhookForm form, Uri url, string? signature) => new()
    {
        Url = url,
        ContentType = "multipart/form-data; boundary=XyZ",
        Headers = signature is null
            ? new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
            : new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["X-Phaxio-Signature"] = signature },
        Form = form,
    };

    public static FaxWebhookForm UrlEncoded(byte[] body)
    {
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var pair in Encoding.UTF8.GetString(body).Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var at = pair.IndexOf('=', StringComparison.Ordinal);
            var name = at < 0 ? pair : pair[..at];
            var value = at < 0 ? "" : pair[(at + 1)..];
            fields.Add(new(Unescape(name), Unescape(value)));
        }

        return new FaxWebhookForm { Fields = fields };
    }

    /// <summary>A strict multipart/form-data reader for the fixtures (boundary from the first line, CRLF line breaks).</summary>
    public static FaxWebhookForm Multipart(byte[] body)
    {
        var text = Encoding.Latin1.GetString(body);
        var delimiter = text[..text.IndexOf("\r\n", StringComparison.Ordinal)];
        var fields = new List<KeyValuePair<string, string>>();
        var files = new List<FaxWebhookFile>();
        foreach (var part in text.Split(delimiter)[1..])
        {
            if (part.StartsWith("--", StringComparison.Ordinal))
            {
                break;
            }

            var headerEnd = part.IndexOf("\r\n\r\n", StringComparison.Ordinal);
            var headers = part[2..headerEnd];
            var content = Encoding.Latin1.GetBytes(part[(headerEnd + 4)..^2]);
            var name = NameRegex().Match(headers).Groups[1].Value;
            var fileName = FileNameRegex().Match(headers) is { Success: true } match ? match.Groups[1].Value : null;
            if (fileName is null)
            {
                fields.Add(new(name, Encoding.UTF8.GetString(content)));
            }
            else
            {
                files.Add(new FaxWebhookFile { Name = name, FileName = fileName, ContentType = "application/pdf", Content = content });
            }
        }

        return new FaxWebhookForm { Fields = fields, Files = files };
    }

    private static string Unescape(string text) => Uri.UnescapeDataString(text.Replace('+', ' '));

    [GeneratedRegex("; name=\"([^\"]*)\"")]
    private static partial Regex NameRegex();

    [GeneratedRegex("; filename=\"([^\"]*)\"")]
    private static partial Regex FileNameRegex();
}
