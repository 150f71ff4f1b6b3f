namespace FaxSdk;

/// <summary>A decoded <c>application/x-www-form-urlencoded</c> or <c>multipart/form-data</c> webhook body.</summary>
public sealed record FaxWebhookForm
{
    /// <summary>The text fields, in the order received (a name may repeat).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Fields { get; init; } = [];

    /// <summary>The file parts, in the order received (empty for a url-encoded body).</summary>
    public IReadOnlyList<FaxWebhookFile> Files { get; init; } = [];

    /// <summary>The first value of a field.</summary>
    /// <param name="name">The field name (ordinal).</param>
    /// <returns>The value, or <see langword="null"/> when the field is absent.</returns>
    public string? GetField(string name)
    {
        foreach (var field in Fields)
        {
            if (string.Equals(field.Key, name, StringComparison.Ordinal))
            {
                return field.Value;
            }
        }

        return null;
    }
}
