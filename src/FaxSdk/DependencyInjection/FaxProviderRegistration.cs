namespace FaxSdk;

/// <summary>One configured provider instance, as registered by a provider package.</summary>
/// <param name="ProviderId">The provider's lowercase id.</param>
/// <param name="InstanceName">The instance name.</param>
/// <param name="Create">Gets the provider object. Registrations made with <c>AddProvider</c> reuse one per instance and
/// container, built again (with a new HttpClient from IHttpClientFactory) when the instance's options reload or the
/// HttpClient's handler lifetime has passed.</param>
public sealed record FaxProviderRegistration(string ProviderId, string InstanceName, Func<IServiceProvider, IFaxStatusProvider> Create);
