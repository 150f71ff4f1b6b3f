using System.Security.Cryptography;
using System.Text;

namespace FaxSdk.TestSupport;

/// <summary>
/// A receiver for tests: authentic when <c>X-Fake-Signature</c> is the hex HMAC-SHA256, keyed by <see cref="Secret"/>,
/// of the URL (<see cref="FaxWebhookRequest.Url"/>'s original string) and the body, as a real signature would be.
/// The body (or form) is <c>job=ID&amp;state=STATE</c>; it records what it was given.
/// </summary>
internal sealed class FakeReceiver(string instance = FaxJobReference.DefaultInstance) : FaxWebhookReceiver
{
    public const string ProviderId = "fake";
    public const string SignatureHeader = "X-Fake-Signature";
    private int _authenticateCalls;
    private int _parseCalls;

    public string Secret { get; init; } = "fake-webhook-secret-0123456789";

    public bool Forms { get; init; } = true;

    public long MaxBody { get; init; } = 64 * 1024;

    public int Success { get; init; } = 202;

    public FaxPushTrust Trust { get; init; } = FaxPushTrust.Signed;

    public override string Provider => ProviderId;

    public override string Instance { get; } = instance;

    public override bool ReadsForm => Forms;

    /// <summary>When set, the proof is <c>X-Fake-Token: {Secret}</c> alone (a credential, checked before the body is read).</summary>
    public bool HeaderCredential { get; init; }

    public override bool AuthenticatesFromHeaders => HeaderCredential;

    public override long MaxBodyBytes => MaxBody;

    public override int SuccessStatusCode => Success;

    public int AuthenticateCalls => Volatile.Read(ref _authenticateCalls);

    public int ParseCalls => Volatile.Read(ref _parseCalls);

    public FaxWebhookRequest? LastRequest { get; private set; }

    public static string Sign(string secret, string url, byte[] body)
    {
        var data = Encoding.UTF8.GetBytes(url).Concat(body).ToArray();
        return Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), data));
    }

    public override FaxWebhookAuthentication Authenticate(FaxWebhookRequest request)
    {
        Interlocked.Increment(ref _authenticateCalls);
        LastRequest = request;
        if (HeaderCredential)
        {
            return request.GetHeader("X-Fake-Token") is { } token && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(token), Encoding.UTF8.GetBytes(Secret))
                ? FaxWebhookAuthentication.Success
                : FaxWebhookAuthentication.Fail("wrong credential");
        }

        if (request.GetHeader(SignatureHeader) is not { } signature)
        {
            return FaxWebhookAuthentication.Fail("missing signature");
        }

        var expected = Encoding.ASCII.GetBytes(Sign(Secret, request.Url.OriginalString, request.Body.ToArray()));
        return CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(signature))
            ? FaxWebhookAuthentication.Success
            : FaxWebhookAuthentication.Fail("signature mismatch");
    }

    public override IReadOnlyList<FaxPushedStatus> Parse(FaxWebhookRequest request)
    {
        Interlocked.Increment(ref _parseCalls);
        var form = request.Form ?? new FaxWebhookForm
        {
            Fields = [.. Encoding.UTF8.GetString(request.Body.Span).Split('&', StringSplitOptions.RemoveEmptyEntries)
                .Select(p => p.Split('=', 2)).Select(p => new KeyValuePair<string, string>(p[0], p.Length > 1 ? p[1] : ""))],
        };
        var jobId = form.GetField("job");
        var stateText = form.GetField("state");
        if (string.IsNullOrEmpty(jobId) || !Enum.TryParse<FaxJobState>(stateText, ignoreCase: true, out var state))
        {
            throw new FaxProtocolException(ProviderId, "the push has no job or no known state");
        }

        var job = new FaxJobReference(ProviderId, jobId, Instance);
        var status = new FaxJobStatus { Provider = ProviderId, JobId = jobId, State = state };
        return [new FaxPushedStatus { Job = job, Status = status, Trust = Trust, DeliveryKey = $"{jobId}:{state}" }];
    }
}
