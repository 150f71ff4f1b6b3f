namespace FaxSdk;

/// <summary>What a pushed status proves about itself once its receiver has authenticated the request.</summary>
public enum FaxPushTrust
{
    /// <summary>
    /// The provider signed the content (Phaxio's <c>X-Phaxio-Signature</c>): the status is taken as pushed.
    /// </summary>
    Signed = 0,

    /// <summary>
    /// The caller proved a shared credential (Basic authentication, a bearer or path secret) but the content is not
    /// signed: a final state is a hint, confirmed with one status read before it is reported unless
    /// <see cref="FaxPushOptions.ConfirmUnsignedFinalStates"/> is off.
    /// </summary>
    Unsigned = 1,
}
