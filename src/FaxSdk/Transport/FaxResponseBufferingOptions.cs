namespace FaxSdk.Transport;

/// <summary>Named options (by HttpClient name) that mark a FaxSdk provider client for <see cref="FaxResponseBufferingFilter"/>.</summary>
internal sealed class FaxResponseBufferingOptions
{
    /// <summary>The provider id, for errors; <see langword="null"/> for clients that are not FaxSdk's.</summary>
    public string? ProviderId { get; set; }

    /// <summary>The provider instance's current options (size cap, timeout, whether the pipeline is on).</summary>
    public Func<FaxProviderOptions>? ProviderOptions { get; set; }
}
