using Microsoft.AspNetCore.Http;

namespace FaxSdk.Testing.Providers;

/// <summary>One provider's API inside the emulator.</summary>
internal interface IProviderEmulator
{
    /// <summary>The provider id.</summary>
    string ProviderId { get; }

    /// <summary>The path prefix all of this provider's routes live under, such as <c>/phaxio/</c>.</summary>
    string Prefix { get; }

    /// <summary>Answers a request whose raw path starts with <see cref="Prefix"/>.</summary>
    /// <param name="context">The request.</param>
    /// <param name="rawPath">The raw, still-escaped path.</param>
    Task HandleAsync(HttpContext context, string rawPath);
}
