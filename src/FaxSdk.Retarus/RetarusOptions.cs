using System.ComponentModel.DataAnnotations;
using FaxSdk.Transport;

namespace FaxSdk.Retarus;

/// <summary>Settings of one Retarus Fax-for-Applications account.</summary>
/// <remarks>
/// Status queries and deletions go to every data centre of the region, never to the high-availability URL: a job
/// submitted through the HA URL has its report in whichever data centre processed it.
/// <see cref="FaxProviderOptions.BaseAddress"/> is not used.
/// </remarks>
public sealed class RetarusOptions : FaxProviderOptions
{
    /// <summary>The region (default <see cref="RetarusRegion.Germany"/>).</summary>
    public RetarusRegion Region { get; set; } = RetarusRegion.Germany;

    /// <summary>The customer number in the path, for example <c>99999TE</c>. Required.</summary>
    [Required]
    public string CustomerNumber { get; set; } = "";

    /// <summary>The Login ID (Basic user). Required.</summary>
    [Required]
    public string Username { get; set; } = "";

    /// <summary>The password (Basic). Required; never logged or put into exceptions.</summary>
    [Required]
    public string Password { get; set; } = "";

    /// <summary>Overrides the region's data centres: name → REST v1 base address (for tests or a proxy).</summary>
    public IDictionary<string, Uri>? DataCenters { get; set; }

    /// <summary>How many times a failed deletion is tried before it is reported. Default 3.</summary>
    [Range(1, int.MaxValue)]
    public int MaxDeleteAttempts { get; set; } = 3;

    /// <summary>The HTTP status push this account receives (<c>FaxSdk:Retarus[:Instances:{name}]:Webhooks</c>); off by default.</summary>
    public RetarusWebhookOptions Webhooks { get; set; } = new();

    /// <summary>The data centres used: <see cref="DataCenters"/> or the region's documented ones.</summary>
    /// <returns>Name and base address of each data centre, in a stable order.</returns>
    public IReadOnlyList<KeyValuePair<string, Uri>> ResolveDataCenters() =>
        DataCenters is { Count: > 0 } custom
            ? [.. custom.OrderBy(p => p.Key, StringComparer.Ordinal)]
            : Region switch
            {
                RetarusRegion.UnitedStates => [Dc("US1", "https://faxws.us1.retarus.com/rest/v1/"), Dc("US2", "https://faxws.us2.retarus.com/rest/v1/")],
                RetarusRegion.Switzerland => [Dc("CH1", "https://faxws.ch1.retarus.com/rest/v1/")],
                RetarusRegion.Singapore => [Dc("SG1", "https://faxws.sg1.retarus.com/rest/v1/")],
                _ => [Dc("DE1", "https://faxws.de1.retarus.com/rest/v1/"), Dc("DE2", "https://faxws.de2.retarus.com/rest/v1/")],
            };

    /// <inheritdoc />
    /// <returns><see cref="Password"/> and the push passwords (<see cref="RetarusWebhookOptions.Password"/>, <see cref="RetarusWebhookOptions.PreviousPassword"/>).</returns>
    public override IEnumerable<string?> GetSecretValues() => [Password, Webhooks?.Password, Webhooks?.PreviousPassword];

    /// <inheritdoc />
    protected override bool UsesBaseAddress => false;

    /// <inheritdoc />
    protected override IEnumerable<ValidationResult> ValidateSettings()
    {
        foreach (var (name, address) in ResolveDataCenters())
        {
            string? problem = null;
            try
            {
                FaxEndpointPolicy.EnsureAllowed(address, AllowInsecureHttp, RetarusStatusParser.ProviderId);
            }
            catch (ArgumentException exception)
            {
                problem = exception.Message.Split(" (Parameter", 2)[0].Replace($"{RetarusStatusParser.ProviderId}: ", "", StringComparison.Ordinal);
            }

            if (problem is not null)
            {
                yield return new ValidationResult(problem, [$"{nameof(DataCenters)}:{name}"]);
            }
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

        if (string.IsNullOrWhiteSpace(webhooks.Username))
        {
            yield return new ValidationResult("is required when webhooks are enabled (the Basic user Retarus sends).", [$"{Section}:{nameof(webhooks.Username)}"]);
        }

        if (string.IsNullOrEmpty(webhooks.Password) || webhooks.Password.Length < RetarusWebhookOptions.MinimumPasswordLength)
        {
            yield return new ValidationResult($"is required when webhooks are enabled, at least {RetarusWebhookOptions.MinimumPasswordLength} characters (a generated secret).", [$"{Section}:{nameof(webhooks.Password)}"]);
        }

        if (!string.IsNullOrEmpty(webhooks.PreviousUsername) && string.IsNullOrEmpty(webhooks.PreviousPassword))
        {
            yield return new ValidationResult("is set without PreviousPassword: a rotation needs the whole previous pair.", [$"{Section}:{nameof(webhooks.PreviousUsername)}"]);
        }

        if (webhooks.Username?.Contains(':', StringComparison.Ordinal) == true || webhooks.PreviousUsername?.Contains(':', StringComparison.Ordinal) == true)
        {
            yield return new ValidationResult("must not contain ':' (HTTP Basic cannot carry it in a user name).", [$"{Section}:{nameof(webhooks.Username)}"]);
        }
    }

    private static KeyValuePair<string, Uri> Dc(string name, string address) => new(name, new Uri(address));
}
