using FaxSdk.Transport;
using Microsoft.Extensions.Options;

namespace FaxSdk;

/// <summary>Validates one named provider options instance with <see cref="FaxProviderOptions.Validate(string)"/>.</summary>
internal sealed class FaxProviderOptionsValidator<TOptions>(string optionsName, string providerId, string instanceName) : IValidateOptions<TOptions>
    where TOptions : FaxProviderOptions
{
    public ValidateOptionsResult Validate(string? name, TOptions options)
    {
        if (name != optionsName)
        {
            return ValidateOptionsResult.Skip;
        }

        var label = instanceName == FaxJobReference.DefaultInstance ? providerId : $"{providerId} ({instanceName})";
        var failures = options.Validate(label).ToList();
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
