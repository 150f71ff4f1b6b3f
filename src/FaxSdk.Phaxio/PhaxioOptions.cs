using System.ComponentModel.DataAnnotations;
using FaxSdk.Transport;

namespace FaxSdk.Phaxio;

/// <summary>Settings of one Phaxio account.</summary>
public sealed class PhaxioOptions : FaxProviderOptions
{
    /// <summary>Phaxio's API v2.1 base address, <c>https://api.phaxio.com/v2.1/</c>.</summary>
    public static readonly Uri DefaultBaseAddress = new("https://api.phaxio.com/v2.1/");

    /// <summary>Creates options with <see cref="DefaultBaseAddress"/>.</summary>
    public PhaxioOptions() => BaseAddress = DefaultBaseAddress;

    /// <summary>The API key (Basic auth user name). Required.</summary>
    [Required]
    public string ApiKey { get; set; } = "";

    /// <summary>The API secret (Basic auth password). Required; never logged or put into exceptions.</summary>
    [Required]
    public string ApiSecret { get; set; } = "";

    /// <summary>
    /// How this account's webhooks are received (<c>FaxSdk:Phaxio[:Instances:{name}]:Webhooks</c>); off unless
    /// <see cref="PhaxioWebhookOptions.Enabled"/> is set.
    /// </summary>
    public PhaxioWebhookOptions Webhooks { get; set; } = new();

    /// <inheritdoc />
    /// <returns><see cref="ApiKey"/>, <see cref="ApiSecret"/> and the webhook tokens.</returns>
    public override IEnumerable<string?> GetSecretValues() => [ApiKey, ApiSecret, Webhooks?.Token, Webhooks?.PreviousToken];

    /// <inheritdoc />
    protected override IEnumerable<ValidationResult> ValidateSettings()
    {
        const string Section = nameof(Webhooks);
        if (Webhooks is not { } webhooks)
        {
            yield return new ValidationResult("must not be null.", [Section]);
            yield break;
        }

        if (webhooks.Enabled && string.IsNullOrWhiteSpace(webhooks.Token))
        {
            yield return new ValidationResult(
                $"is required when {Section}:{nameof(PhaxioWebhookOptions.Enabled)} is true (the webhook token from Phaxio's webhook settings page).",
                [$"{Section}:{nameof(PhaxioWebhookOptions.Token)}"]);
        }

        if (webhooks.PreviousToken is { } previous && previous.Length > 0 && string.IsNullOrWhiteSpace(previous))
        {
            yield return new ValidationResult("must not be blank: remove it, or set the token being replaced.", [$"{Section}:{nameof(PhaxioWebhookOptions.PreviousToken)}"]);
        }

        if (webhooks.MaxBodyBytes is <= 0 or > PhaxioWebhookOptions.MaxBodyBytesLimit)
        {
            yield return new ValidationResult("must be positive and at most 16 MiB.", [$"{Section}:{nameof(PhaxioWebhookOptions.MaxBodyBytes)}"]);
        }
    }
}
