namespace FaxSdk.Testing;

/// <summary>A request the emulator received (the Authorization header is never recorded).</summary>
/// <param name="Method">The HTTP method.</param>
/// <param name="RawTarget">The request target exactly as sent, still escaped.</param>
/// <param name="Provider">The provider the path belongs to, or <see langword="null"/> when no route matched.</param>
/// <param name="StatusCode">The status the emulator answered with; 0 when it sent no response (a dropped connection,
/// or a slow response the client gave up on).</param>
public sealed record EmulatedRequest(string Method, string RawTarget, string? Provider, int StatusCode)
{
    /// <summary>The fault injected into this request, or <see langword="null"/> when it was answered normally.</summary>
    public EmulatedFault? Fault { get; init; }
}
