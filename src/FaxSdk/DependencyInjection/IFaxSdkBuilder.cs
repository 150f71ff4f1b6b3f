namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Returned by <see cref="FaxSdkServiceCollectionExtensions.AddFaxSdk(IServiceCollection)"/>; provider packages add their registrations to it.</summary>
public interface IFaxSdkBuilder
{
    /// <summary>The service collection being configured.</summary>
    IServiceCollection Services { get; }
}
