using Microsoft.Extensions.Options;

namespace FaxSdk.Pantarey;

/// <summary>Checks the data annotations of <see cref="PantareyOptions"/> (generated); FaxSdk runs it at start-up with the shared checks.</summary>
[OptionsValidator]
internal sealed partial class PantareyOptionsValidator : IValidateOptions<PantareyOptions>;
