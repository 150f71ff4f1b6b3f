namespace FaxSdk;

/// <summary>Resolves providers from the <see cref="FaxProviderRegistration"/>s in the container.</summary>
internal sealed class FaxStatusProviderResolver(IServiceProvider services, IEnumerable<FaxProviderRegistration> registrations) : IFaxStatusProviderResolver
{
    private readonly Dictionary<(string, string), FaxProviderRegistration> _byKey =
        registrations.ToDictionary(r => (r.ProviderId, r.InstanceName));

    public IReadOnlyCollection<FaxProviderRegistration> Registrations => _byKey.Values;

    public IFaxStatusProvider GetProvider(string providerId, string instanceName = FaxJobReference.DefaultInstance)
    {
        if (_byKey.TryGetValue((providerId, instanceName), out var registration))
        {
            return registration.Create(services);
        }

        var known = _byKey.Count == 0 ? "none" : string.Join(", ", _byKey.Keys.Select(k => $"{k.Item1}/{k.Item2}").Order(StringComparer.Ordinal));
        throw new InvalidOperationException($"No provider '{providerId}' with instance '{instanceName}' is configured (configured: {known}).");
    }
}
