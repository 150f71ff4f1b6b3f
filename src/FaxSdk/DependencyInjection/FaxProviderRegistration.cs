namespace FaxSdk;

/// <summary>One configured provider instance, as registered by a provider package.</summary>
/// <param name="ProviderId">The provider's lowercase id.</param>
/// <param name="InstanceName">The instance name.</param>
/// <param name="Create">Creates the provider object (with a fresh HttpClient from IHttpClientFactory).</param>
public sealed record FaxProviderRegistration(string ProviderId, string InstanceName, Func<IServiceProvider, IFaxStatusProvider> Create);
