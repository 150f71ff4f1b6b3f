using System.Text;

namespace FaxSdk.Fuzz.Tests;

/// <summary>Turns fuzzed bytes into the decoded webhook forms that form-reading parsers take.</summary>
internal static class FuzzForms
{
    /// <summary>A form whose <c>fax</c> field is the input (as UTF-8 text), with the given other fields.</summary>
    public static FaxWebhookForm Fax(byte[] input, params (string Name, string Value)[] fields) => new()
    {
        Fields = [new("fax", Encoding.UTF8.GetString(input)), .. fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value))],
    };

    /// <summary>The input read as an <c>application/x-www-form-urlencoded</c> body, as a host would decode it.</summary>
    public static FaxWebhookForm UrlEncoded(byte[] input)
    {
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var pair in Encoding.UTF8.GetString(input).Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var at = pair.IndexOf('=', StringComparison.Ordinal);
            fields.Add(new(Unescape(at < 0 ? pair : pair[..at]), Unescape(at < 0 ? "" : pair[(at + 1)..])));
        }

        return new FaxWebhookForm { Fields = fields };
    }

    private static string Unescape(string text) => Uri.UnescapeDataString(text.Replace('+', ' '));
}
