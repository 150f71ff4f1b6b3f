namespace FaxSdk.Testing;

/// <summary>A failure the emulator can inject into the pushes (webhooks) it sends as its jobs progress.</summary>
public enum EmulatedPushFault
{
    /// <summary>The push is delivered twice, the same body with the same signature or credential (a provider retrying after a lost answer).</summary>
    Duplicate,

    /// <summary>
    /// An in-flight push (not a job's final one) is held back and delivered right after the job's final push: a late
    /// event after completion. Only chosen for a job that has a final push after it.
    /// </summary>
    OutOfOrder,

    /// <summary>The push is never sent.</summary>
    Lost,

    /// <summary>
    /// A forged copy of the push is delivered first, then the genuine push: the copy carries a Phaxio signature made
    /// with a wrong token, or for the unsigned providers a wrong credential (Retarus Basic password, Concord secret,
    /// Pantarey bearer token). A correct receiver refuses the copy (401) and accepts the genuine push.
    /// </summary>
    BadSignature,
}
