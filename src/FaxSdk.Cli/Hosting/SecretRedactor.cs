using Microsoft.Extensions.Configuration;

namespace FaxSdk.Cli.Hosting;

/// <summary>
/// A last line of defence for everything the CLI prints about configuration and provider errors: replaces every
/// configured credential value (keys named like ApiKey, ApiSecret, Password, BearerToken, AccessToken, Pin, Token,
/// Secret) with <c>***</c>. The SDK's own messages never contain credentials; this covers messages from elsewhere
/// (configuration binding, JSON parsing, the runtime).
/// </summary>
internal sealed class SecretRedactor
{
    private static readonly string[] SecretWords = ["key", "secret", "password", "token", "pin"];
    private readonly List<string> _secrets;

    private SecretRedactor(List<string> secrets) => _secrets = secrets;

    /// <summary>A redactor that changes nothing.</summary>
    public static SecretRedactor None { get; } = new([]);

    /// <summary>Collects the credential values below <paramref name="configuration"/>.</summary>
    /// <param name="configuration">The configuration (any level).</param>
    /// <returns>The redactor.</returns>
    public static SecretRedactor From(IConfiguration configuration)
    {
        var secrets = configuration.AsEnumerable()
            .Where(kv => !string.IsNullOrEmpty(kv.Value) && kv.Value.Length >= 3 && IsSecretKey(kv.Key))
            .Select(kv => kv.Value!)
            .Distinct(StringComparer.Ordinal)
            .OrderByDescending(s => s.Length)
            .ToList();
        return new SecretRedactor(secrets);
    }

    /// <summary>Whether a configuration key names a credential.</summary>
    /// <param name="key">The key, in <c>A:B:C</c> form.</param>
    /// <returns><see langword="true"/> for ApiKey, Password, AccessToken and the like.</returns>
    public static bool IsSecretKey(string key)
    {
        var last = key[(key.LastIndexOf(':') + 1)..];
        return SecretWords.Any(w => last.Contains(w, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Replaces every known credential in <paramref name="text"/> and folds it onto one line.</summary>
    /// <param name="text">A message.</param>
    /// <returns>The message, safe to print.</returns>
    public string Redact(string text)
    {
        foreach (var secret in _secrets)
        {
            text = text.Replace(secret, "***", StringComparison.Ordinal);
        }

        return text.ReplaceLineEndings(" ");
    }
}
