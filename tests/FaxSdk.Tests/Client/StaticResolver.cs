namespace FaxSdk.Tests.Client;

/// <summary>A resolver over provider objects built by the test.</summary>
internal sealed class StaticResolver(params IFaxStatusProvider[] providers) : IFaxStatusProviderResolver
{
    public IReadOnlyCollection<FaxProviderRegistration> Registrations =>
        [.. providers.Select(p => new FaxProviderRegistration(p.ProviderId, p.InstanceName, _ => p))];

    public IFaxStatusProvider GetProvider(string providerId, string instanceName = FaxJobReference.DefaultInstance) =>
        providers.FirstOrDefault(p => p.ProviderId == providerId && p.InstanceName == instanceName)
        ?? throw new InvalidOperationException($"No provider '{providerId}' with instance '{instanceName}' is configured.");
}
