namespace FaxSdk.Providers.Tests.Pantarey.Oracle;

/// <summary>A per-recipient result, present once the job is terminal.</summary>
internal sealed class PantareyRecipient
{
    public string? FaxNumber { get; set; }

    public int? ResultCode { get; set; }

    public string? ResultText { get; set; }
}
