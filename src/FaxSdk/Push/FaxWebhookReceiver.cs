namespace FaxSdk;

/// <summary>
/// One provider instance's push receiver, supplied by its provider package: it authenticates a request and parses it
/// into pushed statuses. Hosts (FaxSdk.AspNetCore's <c>MapFaxWebhooks</c>, or an application's own endpoint) read the
/// request once, call <see cref="Authenticate"/>, then <see cref="Parse"/>, and hand the result to
/// <see cref="FaxStatusClient.Pushes"/>.
/// </summary>
public abstract class FaxWebhookReceiver
{
    /// <summary>The provider's lowercase id.</summary>
    public abstract string Provider { get; }

    /// <summary>The instance whose pushes this receiver takes.</summary>
    public abstract string Instance { get; }

    /// <summary>Whether the host decodes form bodies into <see cref="FaxWebhookRequest.Form"/> before calling this receiver.</summary>
    public virtual bool ReadsForm => false;

    /// <summary>
    /// Whether <see cref="Authenticate"/> needs only the URL and headers (a credential, not a signature over the body).
    /// Hosts then authenticate before reading the body at all, and pass a request with an empty body and no form.
    /// Default <see langword="false"/>: the host reads the body (and the form, with <see cref="ReadsForm"/>) first.
    /// </summary>
    public virtual bool AuthenticatesFromHeaders => false;

    /// <summary>The largest body accepted, in bytes; the host refuses larger ones with 413. Default 1 MiB.</summary>
    public virtual long MaxBodyBytes => 1024 * 1024;

    /// <summary>The status code answered for an accepted push. Default 200.</summary>
    public virtual int SuccessStatusCode => 200;

    /// <summary>Checks that a request comes from the provider (a signature, or a credential), in constant time, without parsing the body.</summary>
    /// <param name="request">The request.</param>
    /// <returns>The result; a failure carries a reason that is safe to log.</returns>
    public abstract FaxWebhookAuthentication Authenticate(FaxWebhookRequest request);

    /// <summary>Parses an authenticated request into the statuses it pushes (usually one).</summary>
    /// <param name="request">The authenticated request.</param>
    /// <returns>The pushed statuses, each with its job (this receiver's instance), trust and delivery key.</returns>
    /// <exception cref="FaxProtocolException">The body is not a push this receiver understands.</exception>
    public abstract IReadOnlyList<FaxPushedStatus> Parse(FaxWebhookRequest request);
}
