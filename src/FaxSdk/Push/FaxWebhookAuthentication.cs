namespace FaxSdk;

/// <summary>Whether a webhook request proved where it came from, and if not, why (a short reason with no secret in it).</summary>
public readonly record struct FaxWebhookAuthentication
{
    private FaxWebhookAuthentication(bool succeeded, string? failureReason)
    {
        Succeeded = succeeded;
        FailureReason = failureReason;
    }

    /// <summary>Whether the request is authentic.</summary>
    public bool Succeeded { get; }

    /// <summary>Why it is not (for example <c>signature mismatch</c>), safe to log; <see langword="null"/> on success.</summary>
    public string? FailureReason { get; }

    /// <summary>An authentic request.</summary>
    public static FaxWebhookAuthentication Success { get; } = new(true, null);

    /// <summary>A request that failed authentication.</summary>
    /// <param name="reason">A short reason, safe to log: never a secret or a value from the request.</param>
    /// <returns>The failure.</returns>
    public static FaxWebhookAuthentication Fail(string reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        return new(false, reason);
    }
}
