using System.ComponentModel.DataAnnotations;
using FaxSdk.Transport;

namespace FaxSdk.StoneFax;

/// <summary>Settings of one Imagicle Application Suite (StoneFax / Digital Fax) server.</summary>
public sealed class StoneFaxOptions : FaxProviderOptions
{
    /// <summary>The Web API user (Basic auth). Required.</summary>
    [Required]
    public string Username { get; set; } = "";

    /// <summary>The Web API password (Basic auth). Required; never logged or put into exceptions.</summary>
    [Required]
    public string Password { get; set; } = "";

    /// <summary>
    /// The time zone of the server's timestamps, which StoneFax writes without an offset. Default UTC; set it to the
    /// server's zone (for example <c>TimeZoneInfo.FindSystemTimeZoneById("Europe/Rome")</c>).
    /// </summary>
    public TimeZoneInfo ServerTimeZone { get; set; } = TimeZoneInfo.Utc;

    /// <inheritdoc />
    /// <returns><see cref="Password"/>.</returns>
    public override IEnumerable<string?> GetSecretValues() => [Password];
}
