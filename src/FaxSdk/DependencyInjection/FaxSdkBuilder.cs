using Microsoft.Extensions.Configuration;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>The default <see cref="IFaxSdkBuilder"/>.</summary>
internal sealed class FaxSdkBuilder(IServiceCollection services, IConfiguration? configuration) : IFaxSdkBuilder
{
    public IServiceCollection Services { get; } = services;

    public IConfiguration? Configuration { get; } = configuration;
}
