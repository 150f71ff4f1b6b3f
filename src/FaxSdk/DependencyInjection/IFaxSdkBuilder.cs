using Microsoft.Extensions.Configuration;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Returned by <see cref="FaxSdkServiceCollectionExtensions.AddFaxSdk(IServiceCollection)"/>; provider packages add their registrations to it.</summary>
public interface IFaxSdkBuilder
{
    /// <summary>The service collection being configured.</summary>
    IServiceCollection Services { get; }

    /// <summary>The FaxSdk configuration section (for example <c>FaxSdk</c>), or <see langword="null"/> when FaxSdk was added without configuration.</summary>
    IConfiguration? Configuration { get; }
}
