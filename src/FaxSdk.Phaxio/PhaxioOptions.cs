using FaxSdk.Transport;

namespace FaxSdk.Phaxio;

/// <summary>Settings of one Phaxio account.</summary>
public sealed class PhaxioOptions : FaxProviderOptions
{
    /// <summary>Phaxio's API v2.1 base address, <c>https://api.phaxio.com/v2.1/</c>.</summary>
    public static readonly Uri DefaultBaseAddress = new("https://api.phaxio.com/v2.1/");

    /// <summary>Creates options with <see cref="DefaultBaseAddress"/>.</summary>
    public PhaxioOptions() => BaseAddress = DefaultBaseAddress;

    /// <summary>The API key (Basic auth user name). Required.</summary>
    public string ApiKey { get; set; } = "";

    /// <summary>The API secret (Basic auth password). Required; never logged or put into exceptions.</summary>
    public string ApiSecret { get; set; } = "";

    /// <inheritdoc />
    /// <returns><see cref="ApiKey"/> and <see cref="ApiSecret"/>.</returns>
    public override IEnumerable<string?> GetSecretValues() => [ApiKey, ApiSecret];

    /// <inheritdoc />
    public override IEnumerable<string> Validate(string provider)
    {
        foreach (var problem in base.Validate(provider))
        {
            yield return problem;
        }

        if (string.IsNullOrWhiteSpace(ApiKey))
        {
            yield return $"{provider}: ApiKey is required (FaxSdk:Phaxio:ApiKey).";
        }

        if (string.IsNullOrWhiteSpace(ApiSecret))
        {
            yield return $"{provider}: ApiSecret is required (FaxSdk:Phaxio:ApiSecret).";
        }
    }
}
