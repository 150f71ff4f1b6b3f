namespace FaxSdk.Transport;

/// <summary>A provider that knows its instance's secret values, so the client can redact them from any error it throws.</summary>
internal interface IFaxSecretSource
{
    /// <summary>The secret values.</summary>
    /// <returns>The values (blank ones ignored).</returns>
    IEnumerable<string?> GetSecretValues();
}
