namespace FaxSdk;

/// <summary>One provider instance that can receive pushes, as registered by its provider package.</summary>
/// <param name="ProviderId">The provider's lowercase id.</param>
/// <param name="InstanceName">The instance name.</param>
/// <param name="Create">Creates the receiver from the instance's current options, or returns <see langword="null"/> when its webhooks are not enabled.</param>
public sealed record FaxWebhookRegistration(string ProviderId, string InstanceName, Func<IServiceProvider, FaxWebhookReceiver?> Create);
