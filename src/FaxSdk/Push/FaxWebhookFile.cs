namespace FaxSdk;

/// <summary>One file part of a <c>multipart/form-data</c> webhook body.</summary>
public sealed record FaxWebhookFile
{
    /// <summary>The form field name of the part.</summary>
    public required string Name { get; init; }

    /// <summary>The file name the sender gave, if any.</summary>
    public string? FileName { get; init; }

    /// <summary>The part's content type, if any.</summary>
    public string? ContentType { get; init; }

    /// <summary>The part's bytes.</summary>
    public ReadOnlyMemory<byte> Content { get; init; }
}
