using FaxSdk.Concord.Dto;

namespace FaxSdk.Concord;

/// <summary>
/// Receives one Concord account's push notifications: checks the shared secret in constant time (the current one
/// and, during a rotation, the previous one), then reads the form or SOAP notification with
/// <see cref="ConcordPushParser"/>.
/// </summary>
/// <remarks>
/// <para>The secret is taken from the header <see cref="ConcordWebhookOptions.SecretHeader"/> when the request has
/// it, otherwise from the query parameter <see cref="ConcordWebhookOptions.SecretQueryParameter"/> of
/// <see cref="FaxWebhookRequest.Url"/>; a request with neither is refused. A header that holds a wrong secret is
/// refused even when the query holds the right one.</para>
/// <para>Concord signs nothing, so a pushed final state is a hint (<see cref="FaxPushTrust.Unsigned"/>) that
/// <see cref="FaxStatusClient.Pushes"/> confirms with one <c>GetFaxStatus</c> read.</para>
/// </remarks>
public sealed class ConcordWebhookReceiver : FaxWebhookReceiver
{
    private readonly ConcordWebhookOptions _options;

    /// <summary>Creates the receiver. <c>AddConcord</c> registers one per account with webhooks enabled.</summary>
    /// <param name="options">The account's push settings.</param>
    /// <param name="instance">The account's instance name.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="instance"/> is empty.</exception>
    public ConcordWebhookReceiver(ConcordWebhookOptions options, string instance = FaxJobReference.DefaultInstance)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(instance);
        _options = options;
        Instance = instance;
    }

    /// <inheritdoc />
    public override string Provider => ConcordStatusParser.ProviderId;

    /// <inheritdoc />
    public override string Instance { get; }

    /// <inheritdoc />
    /// <remarks><see langword="true"/>: the form flavour is <c>application/x-www-form-urlencoded</c>, or <c>multipart/form-data</c> with the delivered image.</remarks>
    public override bool ReadsForm => true;

    /// <inheritdoc />
    /// <remarks><see cref="ConcordWebhookOptions.MaxBodyBytes"/>.</remarks>
    public override long MaxBodyBytes => _options.MaxBodyBytes;

    /// <inheritdoc />
    /// <remarks>A credential in the headers (or the URL): the host checks it before reading the body.</remarks>
    public override bool AuthenticatesFromHeaders => true;

    /// <inheritdoc />
    /// <returns>Success when the secret header (or, without it, the secret query parameter) holds the configured or previous secret.</returns>
    public override FaxWebhookAuthentication Authenticate(FaxWebhookRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var presented = request.GetHeader(_options.SecretHeader);
        if (presented is null && !string.IsNullOrEmpty(_options.SecretQueryParameter))
        {
            presented = ConcordFormDecoder.QueryParameter(request.Url, _options.SecretQueryParameter);
        }

        return FaxWebhookCredentials.VerifySecret(presented, _options.Secret, _options.PreviousSecret);
    }

    /// <inheritdoc />
    /// <remarks>The decoded <see cref="FaxWebhookRequest.Form"/> when the host gives one; otherwise SOAP for an XML
    /// content type, a url-encoded form for a form content type, and by the body's first character without one.</remarks>
    public override IReadOnlyList<FaxPushedStatus> Parse(FaxWebhookRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return [ConcordPushParser.ParseRequest(request, Instance)];
    }
}
