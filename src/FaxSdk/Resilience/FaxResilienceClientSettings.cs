namespace FaxSdk.Resilience;

/// <summary>Named options (by HttpClient name) recording whether the user removed or replaced FaxSdk's handler.</summary>
internal sealed class FaxResilienceClientSettings
{
    /// <summary>Whether <c>RemoveFaxResilienceHandler()</c> was called.</summary>
    public bool Removed { get; set; }

    /// <summary>The handler <c>ReplaceFaxResilienceHandler(…)</c> put in FaxSdk's place, if any.</summary>
    public Func<IServiceProvider, DelegatingHandler>? Replacement { get; set; }

    /// <summary>Whether FaxSdk's own handler is in the chain.</summary>
    public bool UsesFaxSdkHandler => !Removed && Replacement is null;
}
