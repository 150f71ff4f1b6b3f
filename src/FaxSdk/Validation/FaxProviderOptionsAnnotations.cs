using FaxSdk.Resilience;
using FaxSdk.Transport;
using Microsoft.Extensions.Options;

namespace FaxSdk.Validation;

/// <summary>The data annotations of the shared provider settings, <see cref="FaxProviderOptions.Resilience"/> included (generated).</summary>
[OptionsValidator]
internal sealed partial class FaxProviderOptionsAnnotations : IValidateOptions<FaxProviderOptions>;

/// <summary>The data annotations of <see cref="FaxResilienceOptions"/> on their own (generated).</summary>
[OptionsValidator]
internal sealed partial class FaxResilienceOptionsAnnotations : IValidateOptions<FaxResilienceOptions>;
