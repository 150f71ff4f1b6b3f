namespace FaxSdk.Providers.Tests.Retarus.Oracle;

/// <summary>The customer reference echoed in a report.</summary>
internal sealed class OracleRetarusReferenceDto
{
    public string? CustomerDefinedId { get; set; }

    public string? BillingCode { get; set; }

    public string? BillingInfo { get; set; }
}
