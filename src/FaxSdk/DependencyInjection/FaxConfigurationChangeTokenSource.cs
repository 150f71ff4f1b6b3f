using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Tells the options system when a provider instance's configuration section reloads, so <c>IOptionsMonitor</c> binds
/// it again (and the resilience pipeline is rebuilt when its settings changed).
/// </summary>
internal sealed class FaxConfigurationChangeTokenSource<TOptions>(string name, IConfiguration section) : IOptionsChangeTokenSource<TOptions>
{
    public string Name { get; } = name;

    public IChangeToken GetChangeToken() => section.GetReloadToken();
}
