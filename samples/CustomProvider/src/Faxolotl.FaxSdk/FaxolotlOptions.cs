using System.ComponentModel.DataAnnotations;
using FaxSdk.Transport;

namespace Faxolotl;

/// <summary>
/// Settings of one Faxolotl account. The base class adds the base address, size cap, timeout, http policy and the
/// <c>Resilience</c> section, which FaxSdk validates itself at start-up; this class only checks what it adds.
/// </summary>
public sealed class FaxolotlOptions : FaxProviderOptions
{
    /// <summary>Faxolotl's API base address, <c>https://api.faxolotl.example/</c>.</summary>
    public static readonly Uri DefaultBaseAddress = new("https://api.faxolotl.example/");

    /// <summary>Creates options with <see cref="DefaultBaseAddress"/>.</summary>
    public FaxolotlOptions() => BaseAddress = DefaultBaseAddress;

    /// <summary>The API key sent as <c>X-Faxolotl-Key</c>. Required; never logged or put into exceptions.</summary>
    [Required]
    public string ApiKey { get; set; } = "";
}
