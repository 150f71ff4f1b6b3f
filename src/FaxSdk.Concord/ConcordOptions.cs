using System.ComponentModel.DataAnnotations;
using FaxSdk.Transport;

namespace FaxSdk.Concord;

/// <summary>Settings of one Concord Fax Online / Fax Pro account.</summary>
public sealed class ConcordOptions : FaxProviderOptions
{
    /// <summary>The service endpoint, <c>https://ws.concordfax.com/fax/v5</c>.</summary>
    public static readonly Uri DefaultBaseAddress = new("https://ws.concordfax.com/fax/v5");

    /// <summary>Creates options with <see cref="DefaultBaseAddress"/>.</summary>
    public ConcordOptions() => BaseAddress = DefaultBaseAddress;

    /// <summary>The API service user id, for example <c>mbx1234567890</c>. Required.</summary>
    [Required]
    public string UserId { get; set; } = "";

    /// <summary>A static OAuth 2.0 access token (preferred over <see cref="Pin"/>).</summary>
    public string? AccessToken { get; set; }

    /// <summary>Gets a fresh OAuth 2.0 access token for each request (takes precedence over <see cref="AccessToken"/>).</summary>
    public Func<CancellationToken, ValueTask<string>>? AccessTokenProvider { get; set; }

    /// <summary>The PIN of the deprecated UserID + PIN authentication; works, but logs a one-time deprecation warning.</summary>
    public string? Pin { get; set; }

    /// <summary>JSON (default) or SOAP 1.2.</summary>
    public ConcordTransport Transport { get; set; } = ConcordTransport.Json;

    /// <summary>The most job ids per GetFaxStatus call; larger batches are split. Default 100.</summary>
    [Range(1, int.MaxValue)]
    public int MaxBatchSize { get; set; } = 100;

    /// <inheritdoc />
    /// <returns><see cref="AccessToken"/> and <see cref="Pin"/> (a token from <see cref="AccessTokenProvider"/> is redacted per call).</returns>
    public override IEnumerable<string?> GetSecretValues() => [AccessToken, Pin];

    /// <inheritdoc />
    protected override IEnumerable<ValidationResult> ValidateSettings()
    {
        if (AccessTokenProvider is null && string.IsNullOrWhiteSpace(AccessToken) && string.IsNullOrEmpty(Pin))
        {
            yield return new ValidationResult("set AccessToken (or AccessTokenProvider), or the deprecated Pin.", [nameof(AccessToken)]);
        }
    }
}
