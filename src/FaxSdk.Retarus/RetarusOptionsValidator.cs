using Microsoft.Extensions.Options;

namespace FaxSdk.Retarus;

/// <summary>Checks the data annotations of <see cref="RetarusOptions"/> (generated); FaxSdk runs it at start-up with the shared checks.</summary>
[OptionsValidator]
internal sealed partial class RetarusOptionsValidator : IValidateOptions<RetarusOptions>;
