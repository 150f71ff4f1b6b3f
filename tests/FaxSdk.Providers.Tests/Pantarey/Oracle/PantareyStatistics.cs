namespace FaxSdk.Providers.Tests.Pantarey.Oracle;

/// <summary>Page and recipient counts.</summary>
internal sealed class PantareyStatistics
{
    public int? Pages { get; set; }

    public int? RecipientCount { get; set; }

    public int? RecipientCountSuccessful { get; set; }

    public int? RecipientCountError { get; set; }
}
