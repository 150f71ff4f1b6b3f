using Microsoft.Extensions.Options;

namespace FaxSdk;

/// <summary>Validates <see cref="FaxTrackingOptions"/> at start-up, naming the setting by its configuration path.</summary>
internal sealed class FaxTrackingOptionsValidator : IValidateOptions<FaxTrackingOptions>
{
    public ValidateOptionsResult Validate(string? name, FaxTrackingOptions options)
    {
        try
        {
            options.Validate();
            return ValidateOptionsResult.Success;
        }
        catch (ArgumentException exception)
        {
            return ValidateOptionsResult.Fail($"FaxSdk:Tracking:{exception.ParamName}: {exception.Message}");
        }
    }
}
