namespace FaxSdk;

/// <summary>Finds the configured provider instance that owns a job.</summary>
public interface IFaxStatusProviderResolver
{
    /// <summary>Every configured provider instance.</summary>
    IReadOnlyCollection<FaxProviderRegistration> Registrations { get; }

    /// <summary>Gets a configured provider instance.</summary>
    /// <param name="providerId">The provider's lowercase id.</param>
    /// <param name="instanceName">The instance name.</param>
    /// <returns>The provider.</returns>
    /// <exception cref="InvalidOperationException">No such provider instance is configured (the message lists those that are).</exception>
    IFaxStatusProvider GetProvider(string providerId, string instanceName = FaxJobReference.DefaultInstance);
}
