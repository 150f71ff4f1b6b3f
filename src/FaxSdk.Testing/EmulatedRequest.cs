namespace FaxSdk.Testing;

/// <summary>A request the emulator received (the Authorization header is never recorded).</summary>
/// <param name="Method">The HTTP method.</param>
/// <param name="RawTarget">The request target exactly as sent, still escaped.</param>
/// <param name="Provider">The provider the path belongs to, or <see langword="null"/> when no route matched.</param>
/// <param name="StatusCode">The status the emulator answered with.</param>
public sealed record EmulatedRequest(string Method, string RawTarget, string? Provider, int StatusCode);
