namespace FaxSdk.Phaxio;

/// <summary>
/// Receives one Phaxio account's pushes: checks <c>X-Phaxio-Signature</c> against the webhook token (and the previous
/// token during a rotation), then reads the form with <see cref="PhaxioWebhookParser"/>. Registered by <c>AddPhaxio</c>
/// (a <see cref="FaxWebhookRegistration"/>) when <see cref="PhaxioWebhookOptions.Enabled"/> is set.
/// </summary>
/// <remarks>
/// The signed URL is <see cref="FaxWebhookRequest.Url"/> exactly as given (its <see cref="Uri.OriginalString"/>): the
/// host builds it from the configured public base URL, the endpoint's path and the query string as received, which must
/// be the URL Phaxio was told to call. Pushes are <see cref="FaxPushTrust.Signed"/>.
/// </remarks>
public sealed class PhaxioWebhookReceiver : FaxWebhookReceiver
{
    private readonly Func<PhaxioWebhookOptions> _options;

    /// <summary>Creates a receiver with fixed settings.</summary>
    /// <param name="options">The webhook settings (the token, the previous token during a rotation, the body limit).</param>
    /// <param name="instanceName">The Phaxio instance whose pushes it takes.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is <see langword="null"/>.</exception>
    public PhaxioWebhookReceiver(PhaxioWebhookOptions options, string instanceName = FaxJobReference.DefaultInstance)
        : this(Fixed(options), instanceName)
    {
    }

    /// <summary>Creates a receiver that reads its settings at each request (so a configuration reload, such as the end of a token rotation, applies at once).</summary>
    /// <param name="options">Returns the instance's current webhook settings.</param>
    /// <param name="instanceName">The Phaxio instance whose pushes it takes.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is <see langword="null"/>.</exception>
    public PhaxioWebhookReceiver(Func<PhaxioWebhookOptions> options, string instanceName = FaxJobReference.DefaultInstance)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(instanceName);
        _options = options;
        Instance = instanceName;
    }

    /// <inheritdoc />
    public override string Provider => PhaxioStatusParser.ProviderId;

    /// <inheritdoc />
    public override string Instance { get; }

    /// <inheritdoc />
    /// <returns><see langword="true"/>: Phaxio signs the decoded form fields and file parts.</returns>
    public override bool ReadsForm => true;

    /// <inheritdoc />
    /// <returns><see cref="PhaxioWebhookOptions.MaxBodyBytes"/>.</returns>
    public override long MaxBodyBytes => _options().MaxBodyBytes;

    /// <inheritdoc />
    /// <returns>Success, or a failure: <c>webhooks disabled</c>, <c>no webhook token configured</c>, <c>missing signature</c>,
    /// <c>malformed signature</c> (not 40 hex characters), <c>not a form body</c> or <c>signature mismatch</c>.</returns>
    public override FaxWebhookAuthentication Authenticate(FaxWebhookRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var options = _options();
        if (!options.Enabled)
        {
            return FaxWebhookAuthentication.Fail("webhooks disabled");
        }

        return PhaxioWebhookSignature.Verify(
            request.GetHeader(PhaxioWebhookSignature.HeaderName),
            request.Url.OriginalString,
            request.Form,
            [options.Token, options.PreviousToken]);
    }

    /// <inheritdoc />
    /// <returns>One signed status, keyed as <see cref="PhaxioWebhookEvent.DeliveryKey"/> says.</returns>
    /// <exception cref="FaxProtocolException">As for <see cref="PhaxioWebhookParser.Parse(FaxWebhookRequest)"/>.</exception>
    public override IReadOnlyList<FaxPushedStatus> Parse(FaxWebhookRequest request)
    {
        var push = PhaxioWebhookParser.Parse(request);
        FaxJobReference job;
        try
        {
            // Not isTest: a Phaxio job is found by its id alone, and the application's reference to it says false.
            job = new FaxJobReference(Provider, push.Status.JobId, Instance);
        }
        catch (FaxInvalidJobIdException exception)
        {
            throw new FaxProtocolException(Provider, $"{Provider}: the pushed fax id is not a usable job id.", exception);
        }

        return
        [
            new FaxPushedStatus
            {
                Job = job,
                Status = push.Status,
                Trust = FaxPushTrust.Signed,
                DeliveryKey = push.DeliveryKey,
            },
        ];
    }

    private static Func<PhaxioWebhookOptions> Fixed(PhaxioWebhookOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return () => options;
    }
}
