using Microsoft.Extensions.Options;

namespace FaxSdk.StoneFax;

/// <summary>Checks the data annotations of <see cref="StoneFaxOptions"/> (generated); FaxSdk runs it at start-up with the shared checks.</summary>
[OptionsValidator]
internal sealed partial class StoneFaxOptionsValidator : IValidateOptions<StoneFaxOptions>;
