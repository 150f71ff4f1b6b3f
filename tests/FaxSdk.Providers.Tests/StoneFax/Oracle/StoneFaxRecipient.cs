namespace FaxSdk.Providers.Tests.StoneFax.Oracle;

/// <summary>A fax recipient.</summary>
internal sealed class StoneFaxRecipient
{
    public string? Name { get; set; }

    public string? FaxNumber { get; set; }
}
