namespace FaxSdk.Transport;

/// <summary>Replaces configured secret values (and their URL-escaped forms) in provider text.</summary>
internal static class FaxSecrets
{
    /// <summary>What a secret is replaced with.</summary>
    public const string Mask = "***";

    /// <summary>Values shorter than this are not treated as secrets (they would mask ordinary text).</summary>
    public const int MinimumLength = 3;

    /// <summary>The usable secret values, each with its URL-escaped form, longest first.</summary>
    public static string[] Normalize(IEnumerable<string?>? secrets)
    {
        if (secrets is null)
        {
            return [];
        }

        var list = new List<string>();
        foreach (var secret in secrets)
        {
            if (string.IsNullOrWhiteSpace(secret) || secret.Length < MinimumLength)
            {
                continue;
            }

            list.Add(secret);
            var escaped = Uri.EscapeDataString(secret);
            if (escaped != secret)
            {
                list.Add(escaped);
            }
        }

        return [.. list.Distinct(StringComparer.Ordinal).OrderByDescending(s => s.Length)];
    }

    /// <summary>Replaces every secret in <paramref name="text"/> with <see cref="Mask"/>.</summary>
    public static string? Redact(string? text, IReadOnlyList<string> secrets)
    {
        if (text is null || secrets.Count == 0)
        {
            return text;
        }

        foreach (var secret in secrets)
        {
            text = text.Replace(secret, Mask, StringComparison.Ordinal);
        }

        // Text cut short ("…") may end with the start of a secret: mask that too.
        if (text.EndsWith('…'))
        {
            var body = text[..^1];
            foreach (var secret in secrets)
            {
                for (var length = Math.Min(secret.Length - 1, body.Length); length >= MinimumLength; length--)
                {
                    if (body.EndsWith(secret.AsSpan(0, length), StringComparison.Ordinal))
                    {
                        return body[..^length] + Mask + "…";
                    }
                }
            }
        }

        return text;
    }
}
