using System.Security.Cryptography;
using System.Text;

namespace FaxSdk.TestSupport;

/// <summary>
/// The X-Phaxio-Signature recipe exactly as WEBHOOKS.md section 2.4 writes it (its "Pseudocode, as C#"), kept apart
/// from the emulator's signer so the tests recompute every signature independently.
/// </summary>
internal static class PhaxioSignatureRecipe
{
    public static string Compute(string token, string signedUrl, IEnumerable<KeyValuePair<string, string>> fields, IEnumerable<(string Name, byte[] Content)>? files = null)
    {
        var sb = new StringBuilder(signedUrl);
        foreach (var f in fields.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            sb.Append(f.Key).Append(f.Value);
        }

        foreach (var p in (files ?? []).OrderBy(p => p.Name, StringComparer.Ordinal))
        {
            sb.Append(p.Name).Append(Convert.ToHexString(SHA1.HashData(p.Content)).ToLowerInvariant());
        }

        var mac = HMACSHA1.HashData(Encoding.UTF8.GetBytes(token), Encoding.UTF8.GetBytes(sb.ToString()));
        return Convert.ToHexString(mac).ToLowerInvariant();
    }
}
