using System.ComponentModel.DataAnnotations;
using FaxSdk.Transport;

namespace FaxSdk.Pantarey;

/// <summary>
/// Settings for reaching Pantarey's "Query fax status" task. Pantarey has no public status REST API: point
/// <see cref="FaxProviderOptions.BaseAddress"/> at the endpoint of your Pantarey process that runs the task, which
/// receives <c>{"jobId": …, "test": …}</c> and answers with the task output.
/// </summary>
public sealed class PantareyOptions : FaxProviderOptions
{
    /// <summary>A bearer token for the endpoint; use this or <see cref="Username"/>/<see cref="Password"/>.</summary>
    public string? BearerToken { get; set; }

    /// <summary>A Basic auth user for the endpoint.</summary>
    public string? Username { get; set; }

    /// <summary>The Basic auth password; never logged or put into exceptions.</summary>
    public string? Password { get; set; }

    /// <summary>The status push this endpoint receives (<c>FaxSdk:Pantarey[:Instances:{name}]:Webhooks</c>); off by default.</summary>
    public PantareyWebhookOptions Webhooks { get; set; } = new();

    /// <inheritdoc />
    /// <returns><see cref="BearerToken"/>, <see cref="Password"/> and the push secrets.</returns>
    public override IEnumerable<string?> GetSecretValues() => [BearerToken, Password, Webhooks?.Secret, Webhooks?.PreviousSecret];

    /// <inheritdoc />
    protected override IEnumerable<ValidationResult> ValidateSettings()
    {
        var hasBearer = !string.IsNullOrWhiteSpace(BearerToken);
        var hasBasic = !string.IsNullOrWhiteSpace(Username);
        if (!hasBearer && !hasBasic)
        {
            yield return new ValidationResult("set BearerToken, or Username and Password.", [nameof(BearerToken)]);
        }
        else if (hasBearer && hasBasic)
        {
            yield return new ValidationResult("set either BearerToken or Username/Password, not both.", [nameof(BearerToken)]);
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
            yield return new ValidationResult("is required (leave Enabled false to receive no pushes).", [Section]);
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

        if (string.IsNullOrEmpty(webhooks.Secret) || webhooks.Secret.Length < PantareyWebhookOptions.MinimumSecretLength || webhooks.Secret.Any(char.IsWhiteSpace))
        {
            yield return new ValidationResult($"is required when webhooks are enabled: at least {PantareyWebhookOptions.MinimumSecretLength} characters without spaces (for example 128 random bits in hex).", [$"{Section}:{nameof(webhooks.Secret)}"]);
        }

        if (!string.IsNullOrEmpty(webhooks.PreviousSecret) && (webhooks.PreviousSecret.Length < PantareyWebhookOptions.MinimumSecretLength || webhooks.PreviousSecret.Any(char.IsWhiteSpace)))
        {
            yield return new ValidationResult($"must be at least {PantareyWebhookOptions.MinimumSecretLength} characters without spaces.", [$"{Section}:{nameof(webhooks.PreviousSecret)}"]);
        }

        if (!string.IsNullOrEmpty(webhooks.Secret) && string.Equals(webhooks.Secret, BearerToken, StringComparison.Ordinal))
        {
            yield return new ValidationResult("must differ from BearerToken (the token FaxSdk sends to the query endpoint): one leaked secret would open both directions.", [$"{Section}:{nameof(webhooks.Secret)}"]);
        }
    }
}
