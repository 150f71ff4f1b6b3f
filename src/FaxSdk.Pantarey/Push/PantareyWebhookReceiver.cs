namespace FaxSdk.Pantarey;

/// <summary>
/// Receives the status push FaxSdk defines for Pantarey (see <see cref="PantareyPushParser"/>): checks
/// <c>Authorization: Bearer</c> against the configured secret (and, during a rotation, the previous one) in constant
/// time, then reads the JSON body.
/// </summary>
/// <remarks>The push is not signed, so a pushed final state is a hint (<see cref="FaxPushTrust.Unsigned"/>) that
/// <see cref="FaxStatusClient.Pushes"/> confirms with one "Query fax status" read, in the job's test mode.</remarks>
public sealed class PantareyWebhookReceiver : FaxWebhookReceiver
{
    private readonly PantareyWebhookOptions _options;

    /// <summary>Creates the receiver. <c>AddPantarey</c> registers one per endpoint with webhooks enabled.</summary>
    /// <param name="options">The endpoint's push settings.</param>
    /// <param name="instance">The endpoint's instance name.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="instance"/> is empty.</exception>
    public PantareyWebhookReceiver(PantareyWebhookOptions options, string instance = FaxJobReference.DefaultInstance)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(instance);
        _options = options;
        Instance = instance;
    }

    /// <inheritdoc />
    public override string Provider => PantareyStatusParser.ProviderId;

    /// <inheritdoc />
    public override string Instance { get; }

    /// <inheritdoc />
    /// <remarks><see cref="PantareyWebhookOptions.MaxBodyBytes"/>.</remarks>
    public override long MaxBodyBytes => _options.MaxBodyBytes;

    /// <inheritdoc />
    /// <remarks>A credential in the headers (or the URL): the host checks it before reading the body.</remarks>
    public override bool AuthenticatesFromHeaders => true;

    /// <inheritdoc />
    /// <returns>Success when <c>Authorization: Bearer</c> holds the configured or previous secret.</returns>
    public override FaxWebhookAuthentication Authenticate(FaxWebhookRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return FaxWebhookCredentials.VerifyBearer(request.GetHeader("Authorization"), _options.Secret, _options.PreviousSecret);
    }

    /// <inheritdoc />
    public override IReadOnlyList<FaxPushedStatus> Parse(FaxWebhookRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return [PantareyPushParser.Parse(request.Body.Span, Instance)];
    }
}
