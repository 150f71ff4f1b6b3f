namespace FaxSdk.Phaxio;

/// <summary>One Phaxio push (a v2.1 webhook or a v1/v2 send callback), read by <see cref="PhaxioWebhookParser"/>.</summary>
public sealed record PhaxioWebhookEvent
{
    /// <summary>
    /// The v2.1 <c>event_type</c> (<c>fax_completed</c>, <c>transmitting_page</c>, <c>retry_scheduled</c>, or one FaxSdk
    /// does not know), or <see langword="null"/> for a v1/v2 send callback.
    /// </summary>
    public string? EventType { get; init; }

    /// <summary>The page being transmitted (<c>page</c> of <c>transmitting_page</c>).</summary>
    public int? Page { get; init; }

    /// <summary>How many times a retry has been scheduled for the recipient (<c>retry_count</c> of <c>retry_scheduled</c>).</summary>
    public int? RetryCount { get; init; }

    /// <summary>The recipient an in-flight event is about (<c>recipient_phone_number</c>, E.164).</summary>
    public string? RecipientPhoneNumber { get; init; }

    /// <summary>The canonical status the push carries: its <c>fax</c> object, with the in-flight event applied to its recipient.</summary>
    public required FaxJobStatus Status { get; init; }

    /// <summary>
    /// The delivery key (Phaxio sends no event id): <c>phaxio:{fax.id}:{event_type}:{page}|{retry_count}|{recipient_phone_number}:{fax.status}</c>
    /// for a v2.1 webhook (absent values empty), <c>phaxio:{fax.id}:{direction}:{fax.status}</c> for a v1/v2 callback.
    /// </summary>
    public required string DeliveryKey { get; init; }
}
