namespace FaxSdk.Retarus.Dto;

/// <summary>The customer reference echoed in a report.</summary>
internal sealed class RetarusReferenceDto
{
    public string? CustomerDefinedId { get; set; }

    public string? BillingCode { get; set; }

    public string? BillingInfo { get; set; }
}
