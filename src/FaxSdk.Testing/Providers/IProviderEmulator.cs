using Microsoft.AspNetCore.Http;

namespace FaxSdk.Testing.Providers;

/// <summary>One provider's API inside the emulator.</summary>
internal interface IProviderEmulator
{
    /// <summary>The provider package's descriptor (its id and configuration section).</summary>
    FaxProviderDescriptor Descriptor { get; }

    /// <summary>The provider id, <see cref="FaxProviderDescriptor.Id"/>.</summary>
    string ProviderId { get; }

    /// <summary>The path prefix all of this provider's routes live under, such as <c>/phaxio/</c>.</summary>
    string Prefix { get; }

    /// <summary>The settings that point the provider's options at this emulator, keyed below the provider's configuration section.</summary>
    /// <param name="credentials">The credentials the emulator accepts.</param>
    /// <returns>The settings, in a stable order.</returns>
    IEnumerable<KeyValuePair<string, string?>> Settings(EmulatorCredentials credentials);

    /// <summary>Called once for each job of this provider as it is added, before any request can see it.</summary>
    /// <param name="run">The job.</param>
    void JobAdded(EmulatedJobRun run)
    {
    }

    /// <summary>Answers a request whose raw path starts with <see cref="Prefix"/>.</summary>
    /// <param name="context">The request.</param>
    /// <param name="rawPath">The raw, still-escaped path.</param>
    Task HandleAsync(HttpContext context, string rawPath);
}
