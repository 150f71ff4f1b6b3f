namespace FaxSdk;

/// <summary>A status a provider pushed, after its receiver authenticated the request and parsed the body.</summary>
public sealed record FaxPushedStatus
{
    /// <summary>The job the push is about (the instance is the receiving endpoint's).</summary>
    public required FaxJobReference Job { get; init; }

    /// <summary>The canonical status parsed from the push.</summary>
    public required FaxJobStatus Status { get; init; }

    /// <summary>What the push proves about itself.</summary>
    public required FaxPushTrust Trust { get; init; }

    /// <summary>
    /// The key that identifies this delivery, derived from the payload as <c>docs/webhooks.md</c> describes per provider
    /// (no provider sends an event id): a second push with the same key is a duplicate.
    /// </summary>
    public required string DeliveryKey { get; init; }
}
