using Microsoft.Extensions.Options;

namespace FaxSdk.Concord;

/// <summary>Checks the data annotations of <see cref="ConcordOptions"/> (generated); FaxSdk runs it at start-up with the shared checks.</summary>
[OptionsValidator]
internal sealed partial class ConcordOptionsValidator : IValidateOptions<ConcordOptions>;
