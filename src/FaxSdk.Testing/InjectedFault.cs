namespace FaxSdk.Testing;

/// <summary>A fault the emulator injected.</summary>
/// <param name="Provider">The provider the request was for.</param>
/// <param name="Method">The HTTP method.</param>
/// <param name="RawTarget">The request target exactly as sent, still escaped.</param>
/// <param name="Kind">The fault.</param>
/// <param name="Ordinal">The request's ordinal for its provider: 1 for the provider's first request since the emulator started.</param>
public sealed record InjectedFault(string Provider, string Method, string RawTarget, EmulatedFault Kind, long Ordinal);
