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

    /// <summary>The push notifications this account receives (<c>FaxSdk:Concord[:Instances:{name}]:Webhooks</c>); off by default.</summary>
    public ConcordWebhookOptions Webhooks { get; set; } = new();

    /// <inheritdoc />
    /// <returns><see cref="AccessToken"/>, <see cref="Pin"/> (a token from <see cref="AccessTokenProvider"/> is redacted per call) and the push secrets.</returns>
    public override IEnumerable<string?> GetSecretValues() => [AccessToken, Pin, Webhooks?.Secret, Webhooks?.PreviousSecret];

    /// <inheritdoc />
    protected override IEnumerable<ValidationResult> ValidateSettings()
    {
        if (AccessTokenProvider is null && string.IsNullOrWhiteSpace(AccessToken) && string.IsNullOrEmpty(Pin))
        {
            yield return new ValidationResult("set AccessToken (or AccessTokenProvider), or the deprecated Pin.", [nameof(AccessToken)]);
        }

        foreach (var problem in WebhookProblems())
        {
            yield return problem;
        }
    }

    private IEnumerable<ValidationResult> WebhookProblems()
    {
        const string Section = nameof(Webhooks);
        if (Webhooks is not { } webhooks)
        {
            yield return new ValidationResult("is required (leave Enabled false to receive no notifications).", [Section]);
            yield break;
        }

        if (webhooks.MaxBodyBytes is < 1024 or > 64L * 1024 * 1024)
        {
            yield return new ValidationResult("must be between 1 KiB and 64 MiB.", [$"{Section}:{nameof(webhooks.MaxBodyBytes)}"]);
        }

        if (!webhooks.Enabled)
        {
            yield break;
        }

        foreach (var (name, value, required) in new[] { (nameof(webhooks.Secret), webhooks.Secret, true), (nameof(webhooks.PreviousSecret), webhooks.PreviousSecret, false) })
        {
            if (string.IsNullOrEmpty(value) ? required : value.Length < ConcordWebhookOptions.MinimumSecretLength || !value.All(IsUrlSafe))
            {
                yield return new ValidationResult(
                    $"{(required ? "is required when webhooks are enabled: " : "must be ")}at least {ConcordWebhookOptions.MinimumSecretLength} URL-safe characters (letters, digits, '-', '_', '.', '~'), for example 128 random bits in hex.",
                    [$"{Section}:{name}"]);
            }
        }

        if (string.IsNullOrWhiteSpace(webhooks.SecretHeader) || !webhooks.SecretHeader.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
        {
            yield return new ValidationResult("must be a header name (letters, digits, '-', '_').", [$"{Section}:{nameof(webhooks.SecretHeader)}"]);
        }

        if (string.IsNullOrWhiteSpace(webhooks.SecretQueryParameter) || !webhooks.SecretQueryParameter.All(IsUrlSafe))
        {
            yield return new ValidationResult("must be a query parameter name (letters, digits, '-', '_', '.', '~').", [$"{Section}:{nameof(webhooks.SecretQueryParameter)}"]);
        }
    }

    private static bool IsUrlSafe(char c) => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '~';
}
