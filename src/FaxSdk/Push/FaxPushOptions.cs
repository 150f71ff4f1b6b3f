namespace FaxSdk;

/// <summary>How <see cref="FaxPushInbox"/> treats pushed statuses; bound from <c>FaxSdk:Client:Pushes</c>.</summary>
public sealed class FaxPushOptions
{
    /// <summary>
    /// Whether a final state pushed over an unsigned channel (<see cref="FaxPushTrust.Unsigned"/>) is confirmed with one
    /// status read before it is reported. Default <see langword="true"/>.
    /// </summary>
    public bool ConfirmUnsignedFinalStates { get; set; } = true;

    /// <summary>How many delivery keys and last pushed statuses are remembered. Default 10,000; the oldest go first.</summary>
    public int DeduplicationCapacity { get; set; } = 10_000;
}
