namespace FaxSdk.AspNetCore;

/// <summary>
/// Told about every refused webhook request (register any number in DI): for example to rate-limit a source that keeps
/// failing authentication, or to show rejections (<c>faxstatus listen</c> prints them). Called on the request's thread,
/// after the response status is set; an observer that throws is ignored.
/// </summary>
public interface IFaxWebhookRejectionObserver
{
    /// <summary>Called once per refused request.</summary>
    /// <param name="rejection">What was refused and why.</param>
    void OnRejected(FaxWebhookRejection rejection);
}
