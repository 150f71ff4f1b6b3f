namespace FaxSdk.Testing;

/// <summary>The credentials the emulator accepts, per provider. The defaults are public: they guard nothing real.</summary>
public sealed record EmulatorCredentials
{
    /// <summary>Phaxio API key (Basic user).</summary>
    public string PhaxioApiKey { get; init; } = "emulator-phaxio-key";

    /// <summary>Phaxio API secret (Basic password).</summary>
    public string PhaxioApiSecret { get; init; } = "emulator-phaxio-secret";

    /// <summary>Phaxio webhook token: the key of the <c>X-Phaxio-Signature</c> HMAC-SHA1 on the pushes the emulator sends.</summary>
    public string PhaxioWebhookToken { get; init; } = "emulator-phaxio-webhook-token";

    /// <summary>StoneFax Web API user (Basic).</summary>
    public string StoneFaxUsername { get; init; } = "faxapi";

    /// <summary>StoneFax Web API password (Basic).</summary>
    public string StoneFaxPassword { get; init; } = "emulator-stonefax-password";

    /// <summary>A StoneFax user whose password is accepted but who lacks the privilege (answers 403).</summary>
    public string StoneFaxUnprivilegedUsername { get; init; } = "lowly";

    /// <summary>Pantarey endpoint bearer token.</summary>
    public string PantareyBearerToken { get; init; } = "emulator-pantarey-token";

    /// <summary>Pantarey endpoint Basic user (an alternative to the token).</summary>
    public string PantareyUsername { get; init; } = "process";

    /// <summary>Pantarey endpoint Basic password.</summary>
    public string PantareyPassword { get; init; } = "emulator-pantarey-password";

    /// <summary>The bearer secret the emulator's Pantarey pushes carry (<c>Authorization: Bearer …</c>).</summary>
    public string PantareyPushToken { get; init; } = "emulator-pantarey-push-bearer-secret-0001";

    /// <summary>Concord API service user id.</summary>
    public string ConcordUserId { get; init; } = "mbx1234567890";

    /// <summary>Concord OAuth access token.</summary>
    public string ConcordAccessToken { get; init; } = "emulator-concord-token";

    /// <summary>Concord PIN (deprecated UserID + PIN authentication).</summary>
    public string ConcordPin { get; init; } = "emulator-concord-pin";

    /// <summary>The shared secret the emulator's Concord push notifications carry (in a header, see <see cref="FaxEmulator.ConcordPushSecretHeader"/>).</summary>
    public string ConcordPushSecret { get; init; } = "emulator-concord-push-notification-secret";

    /// <summary>Retarus customer number (in the path).</summary>
    public string RetarusCustomerNumber { get; init; } = "99999TE";

    /// <summary>Retarus Login ID (Basic user).</summary>
    public string RetarusUsername { get; init; } = "emulator-retarus-user";

    /// <summary>Retarus password (Basic).</summary>
    public string RetarusPassword { get; init; } = "emulator-retarus-password";

    /// <summary>The Basic user the emulator's Retarus status pushes carry (<c>httpStatusPush.principal</c>, auth method <c>HTTP_BASIC</c>).</summary>
    public string RetarusPushUsername { get; init; } = "emulator-retarus-push";

    /// <summary>The Basic password of the Retarus status pushes (<c>httpStatusPush.credentials</c>).</summary>
    public string RetarusPushPassword { get; init; } = "emulator-retarus-push-password";
}
