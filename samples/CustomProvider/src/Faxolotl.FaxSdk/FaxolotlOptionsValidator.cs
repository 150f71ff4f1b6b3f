using Microsoft.Extensions.Options;

namespace Faxolotl;

/// <summary>Checks the data annotations of <see cref="FaxolotlOptions"/> (generated); FaxSdk runs it at start-up after its shared checks.</summary>
[OptionsValidator]
internal sealed partial class FaxolotlOptionsValidator : IValidateOptions<FaxolotlOptions>;
