using FaxSdk.Transport;

namespace FaxSdk.Retarus;

/// <summary>Settings of one Retarus Fax-for-Applications account.</summary>
/// <remarks>
/// Status queries and deletions go to every data centre of the region, never to the high-availability URL: a job
/// submitted through the HA URL has its report in whichever data centre processed it.
/// <see cref="FaxProviderOptions.BaseAddress"/> is not used.
/// </remarks>
public sealed class RetarusOptions : FaxProviderOptions
{
    /// <summary>The region (default <see cref="RetarusRegion.Germany"/>).</summary>
    public RetarusRegion Region { get; set; } = RetarusRegion.Germany;

    /// <summary>The customer number in the path, for example <c>99999TE</c>. Required.</summary>
    public string CustomerNumber { get; set; } = "";

    /// <summary>The Login ID (Basic user). Required.</summary>
    public string Username { get; set; } = "";

    /// <summary>The password (Basic). Required; never logged or put into exceptions.</summary>
    public string Password { get; set; } = "";

    /// <summary>Overrides the region's data centres: name → REST v1 base address (for tests or a proxy).</summary>
    public IDictionary<string, Uri>? DataCenters { get; set; }

    /// <summary>How many times a failed deletion is tried before it is reported. Default 3.</summary>
    public int MaxDeleteAttempts { get; set; } = 3;

    /// <summary>The data centres used: <see cref="DataCenters"/> or the region's documented ones.</summary>
    /// <returns>Name and base address of each data centre, in a stable order.</returns>
    public IReadOnlyList<KeyValuePair<string, Uri>> ResolveDataCenters() =>
        DataCenters is { Count: > 0 } custom
            ? [.. custom.OrderBy(p => p.Key, StringComparer.Ordinal)]
            : Region switch
            {
                RetarusRegion.UnitedStates => [Dc("US1", "https://faxws.us1.retarus.com/rest/v1/"), Dc("US2", "https://faxws.us2.retarus.com/rest/v1/")],
                RetarusRegion.Switzerland => [Dc("CH1", "https://faxws.ch1.retarus.com/rest/v1/")],
                RetarusRegion.Singapore => [Dc("SG1", "https://faxws.sg1.retarus.com/rest/v1/")],
                _ => [Dc("DE1", "https://faxws.de1.retarus.com/rest/v1/"), Dc("DE2", "https://faxws.de2.retarus.com/rest/v1/")],
            };

    /// <inheritdoc />
    /// <returns><see cref="Password"/>.</returns>
    public override IEnumerable<string?> GetSecretValues() => [Password];

    /// <inheritdoc />
    public override IEnumerable<string> Validate(string provider)
    {
        foreach (var (name, address) in ResolveDataCenters())
        {
            string? problem = null;
            try
            {
                FaxEndpointPolicy.EnsureAllowed(address, AllowInsecureHttp, provider);
            }
            catch (ArgumentException exception)
            {
                problem = $"{provider}: data centre {name}: {exception.Message.Split(" (Parameter", 2)[0]}";
            }

            if (problem is not null)
            {
                yield return problem;
            }
        }

        if (string.IsNullOrWhiteSpace(CustomerNumber))
        {
            yield return $"{provider}: CustomerNumber is required (FaxSdk:Retarus:CustomerNumber).";
        }

        if (string.IsNullOrWhiteSpace(Username))
        {
            yield return $"{provider}: Username is required (FaxSdk:Retarus:Username).";
        }

        if (string.IsNullOrEmpty(Password))
        {
            yield return $"{provider}: Password is required (FaxSdk:Retarus:Password).";
        }

        if (MaxResponseBytes <= 0)
        {
            yield return $"{provider}: MaxResponseBytes must be positive.";
        }

        if (MaxDeleteAttempts < 1)
        {
            yield return $"{provider}: MaxDeleteAttempts must be at least 1.";
        }
    }

    private static KeyValuePair<string, Uri> Dc(string name, string address) => new(name, new Uri(address));
}
