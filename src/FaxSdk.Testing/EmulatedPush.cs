namespace FaxSdk.Testing;

/// <summary>One push (webhook) the emulator sent, or would have sent had it not been lost: its record in <see cref="FaxEmulator.Pushes"/>.</summary>
/// <param name="Provider">The provider id.</param>
/// <param name="JobId">The job the push is about.</param>
/// <param name="Event">
/// What it reports: Phaxio's <c>event_type</c> (<c>transmitting_page</c>, <c>retry_scheduled</c>, <c>fax_completed</c>);
/// <c>faxJobReport</c> (Retarus); <c>FaxDeliveryNotification</c> (Concord); the job's status (Pantarey, for example
/// <c>processing</c> or <c>finished</c>).
/// </param>
/// <param name="Index">The push's index among the job's pushes, 0 for the first (the same for a duplicate or a forged copy).</param>
/// <param name="Url">Where it was sent.</param>
public sealed record EmulatedPush(string Provider, string JobId, string Event, int Index, Uri Url)
{
    /// <summary>Whether it reports the job's final state (the job's last push).</summary>
    public bool IsFinal { get; init; }

    /// <summary>When, on the emulator's clock, the job reached the point the push reports.</summary>
    public DateTimeOffset At { get; init; }

    /// <summary>
    /// The fault this delivery carries, or <see langword="null"/> for a genuine, on-time delivery. A
    /// <see cref="EmulatedPushFault.Duplicate"/> record is the second copy, a <see cref="EmulatedPushFault.BadSignature"/>
    /// record the forged copy (the genuine push has its own record), a <see cref="EmulatedPushFault.Lost"/> record was never sent.
    /// </summary>
    public EmulatedPushFault? Fault { get; init; }

    /// <summary>The status code the receiver answered; 0 when nothing was sent or no answer came (see <see cref="Error"/>).</summary>
    public int StatusCode { get; init; }

    /// <summary>Why no answer came (a network error, the timeout, the emulator stopping, a full queue), or <see langword="null"/>.</summary>
    public string? Error { get; init; }

    /// <summary>Whether the push was sent (every record except a lost push, or one dropped before sending).</summary>
    public bool Sent { get; init; }
}
