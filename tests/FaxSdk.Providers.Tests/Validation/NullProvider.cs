namespace FaxSdk.Providers.Tests.Validation;

/// <summary>A provider that is registered but never asked: the tests here are about its options.</summary>
internal sealed class NullProvider(string providerId, string instanceName) : IFaxStatusProvider
{
    public string ProviderId => providerId;

    public string InstanceName => instanceName;

    public Task<FaxJobStatus> GetStatusAsync(FaxJobReference job, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("Never asked.");
}
