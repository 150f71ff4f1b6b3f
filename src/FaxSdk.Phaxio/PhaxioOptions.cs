using System.ComponentModel.DataAnnotations;
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
    [Required]
    public string ApiKey { get; set; } = "";

    /// <summary>The API secret (Basic auth password). Required; never logged or put into exceptions.</summary>
    [Required]
    public string ApiSecret { get; set; } = "";

    /// <inheritdoc />
    /// <returns><see cref="ApiKey"/> and <see cref="ApiSecret"/>.</returns>
    public override IEnumerable<string?> GetSecretValues() => [ApiKey, ApiSecret];
}
