namespace Microsoft.Extensions.DependencyInjection;

/// <summary>The default <see cref="IFaxSdkBuilder"/>.</summary>
internal sealed class FaxSdkBuilder(IServiceCollection services) : IFaxSdkBuilder
{
    public IServiceCollection Services { get; } = services;
}
