namespace FaxSdk;

/// <summary>What <see cref="FaxPushInbox.AcceptAsync"/> did with a pushed status.</summary>
public enum FaxPushDisposition
{
    /// <summary>The status was new and has been published to <see cref="FaxPushInbox.StatusPushed"/>.</summary>
    Published = 0,

    /// <summary>A push with the same delivery key was already accepted; nothing changed.</summary>
    Duplicate = 1,

    /// <summary>
    /// The job is already final (pushed or polled), so this push changes nothing: a final state never goes back, and
    /// in-flight events that arrive late are ignored.
    /// </summary>
    Stale = 2,

    /// <summary>
    /// An unsigned push claimed a final state and the confirming status read did not show one (or failed). What the
    /// read showed, when it showed something new, was published instead; the push itself was not, and its delivery
    /// key is not remembered, so a redelivery is confirmed again.
    /// </summary>
    Unconfirmed = 3,
}
