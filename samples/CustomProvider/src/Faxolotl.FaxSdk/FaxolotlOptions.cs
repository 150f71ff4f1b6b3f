using FaxSdk.Transport;

namespace Faxolotl;

/// <summary>Settings of one Faxolotl account. The base class adds the base address, size cap, timeout and http policy.</summary>
public sealed class FaxolotlOptions : FaxProviderOptions
{
    /// <summary>Faxolotl's API base address, <c>https://api.faxolotl.example/</c>.</summary>
    public static readonly Uri DefaultBaseAddress = new("https://api.faxolotl.example/");

    /// <summary>Creates options with <see cref="DefaultBaseAddress"/>.</summary>
    public FaxolotlOptions() => BaseAddress = DefaultBaseAddress;

    /// <summary>The API key sent as <c>X-Faxolotl-Key</c>. Required; never logged or put into exceptions.</summary>
    public string ApiKey { get; set; } = "";

    /// <inheritdoc />
    public override IEnumerable<string> Validate(string provider)
    {
        foreach (var problem in base.Validate(provider))
        {
            yield return problem;
        }

        if (string.IsNullOrWhiteSpace(ApiKey))
        {
            yield return $"{provider}: ApiKey is required.";
        }
    }
}
