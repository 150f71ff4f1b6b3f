using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;

namespace FaxSdk.TestSupport;

/// <summary>
/// Phaxio pushes as Phaxio sends them, signed here with the documented recipe ("Verifying callback requests"),
/// independently of FaxSdk.Phaxio's own code: HMAC-SHA1 keyed by the webhook token over the URL, then each field's
/// name and value sorted by name, then each file part's name and the hex SHA-1 of its content sorted by name.
/// </summary>
internal static class PhaxioPushes
{
    public const string SignatureHeader = "X-Phaxio-Signature";

    public static string FaxJson(long id, string status = "success") =>
        $$"""{"id":{{id}},"direction":"sent","num_pages":1,"status":"{{status}}","is_test":false,"created_at":"2026-11-30T10:00:00.000Z","completed_at":"2026-11-30T10:01:30.000Z","recipients":[{"phone_number":"+15555550123","status":"{{status}}","retry_count":0,"completed_at":"2026-11-30T10:01:30.000Z","error_type":null,"error_id":null,"error_message":null}]}""";

    public static IReadOnlyList<(string Name, string Value)> FaxCompleted(long id, string status = "success") =>
        [("fax", FaxJson(id, status)), ("event_type", "fax_completed")];

    public static readonly (string Name, string FileName, byte[] Content)[] Pdf = [("file", "fax.pdf", Encoding.ASCII.GetBytes("%PDF-1.4 a fax\n%%EOF"))];

    public static string Sign(string token, string url, IEnumerable<(string Name, string Value)> fields, IEnumerable<(string Name, string FileName, byte[] Content)> files)
    {
        var text = new StringBuilder(url);
        foreach (var (name, value) in fields.OrderBy(f => f.Name, StringComparer.Ordinal))
        {
            text.Append(name).Append(value);
        }

        foreach (var (name, _, content) in files.OrderBy(f => f.Name, StringComparer.Ordinal))
        {
            text.Append(name).Append(Convert.ToHexStringLower(SHA1.HashData(content)));
        }

        return Convert.ToHexStringLower(HMACSHA1.HashData(Encoding.UTF8.GetBytes(token), Encoding.UTF8.GetBytes(text.ToString())));
    }

    /// <summary>A multipart request for <paramref name="path"/> with these parts and (when given) this signature.</summary>
    public static HttpRequestMessage Multipart(string path, IEnumerable<(string Name, string Value)> fields, IEnumerable<(string Name, string FileName, byte[] Content)> files, string? signature)
    {
        var content = new MultipartFormDataContent("----faxsdk-test-boundary");
        foreach (var (name, value) in fields)
        {
            content.Add(new StringContent(value, Encoding.UTF8), name);
        }

        foreach (var (name, fileName, bytes) in files)
        {
            var part = new ByteArrayContent(bytes);
            part.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
            content.Add(part, name, fileName);
        }

        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = content };
        if (signature is not null)
        {
            request.Headers.Add(SignatureHeader, signature);
        }

        return request;
    }
}
