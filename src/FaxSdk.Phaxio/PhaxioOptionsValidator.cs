using Microsoft.Extensions.Options;

namespace FaxSdk.Phaxio;

/// <summary>Checks the data annotations of <see cref="PhaxioOptions"/> (generated); FaxSdk runs it at start-up with the shared checks.</summary>
[OptionsValidator]
internal sealed partial class PhaxioOptionsValidator : IValidateOptions<PhaxioOptions>;
