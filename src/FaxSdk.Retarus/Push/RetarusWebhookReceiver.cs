namespace FaxSdk.Retarus;

/// <summary>
/// Receives one Retarus account's HTTP status push: checks the Basic credentials in constant time (the current pair
/// and, during a rotation, the previous one), then reads the report with <see cref="RetarusPushParser"/>.
/// </summary>
/// <remarks>
/// The push is not signed, so a pushed final state is a hint (<see cref="FaxPushTrust.Unsigned"/>) that
/// <see cref="FaxStatusClient.Pushes"/> confirms with one status read. Only <c>HTTP_BASIC</c> is supported:
/// <c>NONE</c> is refused (every request needs the credentials), and <c>HTTP_DIGEST</c> and <c>OAUTH2</c> are not
/// verified by FaxSdk.
/// </remarks>
public sealed class RetarusWebhookReceiver : FaxWebhookReceiver
{
    private readonly RetarusWebhookOptions _options;

    /// <summary>Creates the receiver. <c>AddRetarus</c> registers one per account with webhooks enabled.</summary>
    /// <param name="options">The account's push settings.</param>
    /// <param name="instance">The account's instance name.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="instance"/> is empty.</exception>
    public RetarusWebhookReceiver(RetarusWebhookOptions options, string instance = FaxJobReference.DefaultInstance)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(instance);
        _options = options;
        Instance = instance;
    }

    /// <inheritdoc />
    public override string Provider => RetarusStatusParser.ProviderId;

    /// <inheritdoc />
    public override string Instance { get; }

    /// <inheritdoc />
    /// <remarks><see cref="RetarusWebhookOptions.MaxBodyBytes"/>.</remarks>
    public override long MaxBodyBytes => _options.MaxBodyBytes;

    /// <inheritdoc />
    /// <remarks>A credential in the headers (or the URL): the host checks it before reading the body.</remarks>
    public override bool AuthenticatesFromHeaders => true;

    /// <inheritdoc />
    /// <returns>Success when the <c>Authorization: Basic</c> header holds the configured (or previous) user and password.</returns>
    public override FaxWebhookAuthentication Authenticate(FaxWebhookRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return FaxWebhookCredentials.VerifyBasic(request.GetHeader("Authorization"), _options.Username, _options.Password, _options.PreviousUsername, _options.PreviousPassword);
    }

    /// <inheritdoc />
    /// <remarks>JSON when the content type says JSON (or the body starts like JSON), the <c>faxJobReport</c> XML otherwise.</remarks>
    public override IReadOnlyList<FaxPushedStatus> Parse(FaxWebhookRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return IsJson(request.ContentType)
            ? RetarusPushParser.ParseJson(request.Body.Span, Instance)
            : RetarusPushParser.Parse(request.Body.Span, Instance);
    }

    internal static bool IsJson(string? contentType) =>
        contentType is not null && contentType.Split(';', 2)[0].Trim() is var mediaType
        && (mediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase) || mediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase));
}
