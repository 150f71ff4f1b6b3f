using FaxSdk.Transport;
using Microsoft.Extensions.Options;

namespace FaxSdk.Validation;

/// <summary>
/// Validates one provider instance's options at start-up: the shared settings (always, whatever the options class
/// overrides), then the provider's own validator and rules. Every message names the setting by its configuration
/// path, such as <c>FaxSdk:Retarus:Instances:eu:Resilience:MaxRetryAttempts</c>.
/// </summary>
internal sealed class FaxProviderOptionsValidator<TOptions>(string optionsName, string configurationPath, IValidateOptions<TOptions>? providerValidator) : IValidateOptions<TOptions>
    where TOptions : FaxProviderOptions
{
    public ValidateOptionsResult Validate(string? name, TOptions options)
    {
        if (name != optionsName)
        {
            return ValidateOptionsResult.Skip;
        }

        ArgumentNullException.ThrowIfNull(options);
        var failures = FaxSettingsChecks.SharedProblems(options, configurationPath)
            .Concat(FaxSettingsChecks.ProviderProblems(options, configurationPath, providerValidator))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
