using System.Text.Json.Serialization;

namespace FaxSdk;

/// <summary>Why a fax job or one of its recipients failed: a canonical category plus the provider's own code and text.</summary>
public sealed record FaxError
{
    /// <summary>Creates an error.</summary>
    /// <param name="category">The canonical failure category.</param>
    /// <param name="code">The provider's code, as the provider spells it (for example <c>17</c>, <c>BUSY</c> or <c>lineError</c>).</param>
    /// <param name="message">The provider's human-readable text, if any.</param>
    [JsonConstructor]
    public FaxError(FaxFailureCategory category, string? code = null, string? message = null)
    {
        Category = category;
        Code = code;
        Message = message;
    }

    /// <summary>The canonical failure category.</summary>
    public FaxFailureCategory Category { get; }

    /// <summary>Whether sending the fax again later may succeed (see <see cref="FaxStateExtensions.IsRetryable(FaxFailureCategory)"/>).</summary>
    public bool IsRetryable => Category.IsRetryable();

    /// <summary>The provider's error code, as the provider spells it, or <see langword="null"/>.</summary>
    public string? Code { get; }

    /// <summary>The provider's error text, or <see langword="null"/>.</summary>
    public string? Message { get; }
}
