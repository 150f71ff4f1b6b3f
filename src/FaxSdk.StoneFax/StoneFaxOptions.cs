using FaxSdk.Transport;

namespace FaxSdk.StoneFax;

/// <summary>Settings of one Imagicle Application Suite (StoneFax / Digital Fax) server.</summary>
public sealed class StoneFaxOptions : FaxProviderOptions
{
    /// <summary>The Web API user (Basic auth). Required.</summary>
    public string Username { get; set; } = "";

    /// <summary>The Web API password (Basic auth). Required; never logged or put into exceptions.</summary>
    public string Password { get; set; } = "";

    /// <summary>
    /// The time zone of the server's timestamps, which StoneFax writes without an offset. Default UTC; set it to the
    /// server's zone (for example <c>TimeZoneInfo.FindSystemTimeZoneById("Europe/Rome")</c>).
    /// </summary>
    public TimeZoneInfo ServerTimeZone { get; set; } = TimeZoneInfo.Utc;

    /// <inheritdoc />
    /// <returns><see cref="Password"/>.</returns>
    public override IEnumerable<string?> GetSecretValues() => [Password];

    /// <inheritdoc />
    public override IEnumerable<string> Validate(string provider)
    {
        foreach (var problem in base.Validate(provider))
        {
            yield return problem.Replace("BaseAddress is required.", "BaseAddress is required: the Imagicle server, e.g. https://ias.example.com/ (FaxSdk:StoneFax:BaseAddress).", StringComparison.Ordinal);
        }

        if (string.IsNullOrWhiteSpace(Username))
        {
            yield return $"{provider}: Username is required (FaxSdk:StoneFax:Username).";
        }

        if (string.IsNullOrEmpty(Password))
        {
            yield return $"{provider}: Password is required (FaxSdk:StoneFax:Password).";
        }
    }
}
