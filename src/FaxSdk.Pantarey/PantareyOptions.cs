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

    /// <inheritdoc />
    /// <returns><see cref="BearerToken"/> and <see cref="Password"/>.</returns>
    public override IEnumerable<string?> GetSecretValues() => [BearerToken, Password];

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
    }
}
