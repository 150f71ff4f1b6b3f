using System.ComponentModel.DataAnnotations;
using FaxSdk.Transport;
using Microsoft.Extensions.Options;

namespace FaxSdk.Providers.Tests.Validation;

/// <summary>
/// Options of a provider that does what the old Retarus options did: it does not use BaseAddress, and its own
/// checks (data annotations, <see cref="ValidateSettings"/>) know nothing of the shared settings.
/// </summary>
public sealed class AnnotatedOptions : FaxProviderOptions
{
    [Required]
    public string Account { get; set; } = "";

    [Range(1, 10)]
    public int Lines { get; set; } = 1;

    public Uri? Mirror { get; set; }

    protected override bool UsesBaseAddress => false;

    protected override IEnumerable<ValidationResult> ValidateSettings() =>
        Mirror is { Scheme: "ftp" } ? [new("must be an http(s) URL.", [nameof(Mirror)])] : [];
}

[OptionsValidator]
internal sealed partial class AnnotatedOptionsValidator : IValidateOptions<AnnotatedOptions>;
