namespace FaxSdk.Concord;

/// <summary>
/// The push notifications of one Concord account (the job's <c>NotifyType</c>/<c>NotifyDestination</c>), bound from
/// <c>FaxSdk:Concord[:Instances:{name}]:Webhooks</c>. Concord neither signs nor authenticates its notifications, so
/// the endpoint is protected by a shared secret that Concord sends back: in the header <see cref="SecretHeader"/>
/// (added to the account's URL template, <c>HTTP_X-FaxSdk-Token=…</c>) or in the query parameter
/// <see cref="SecretQueryParameter"/> of a per-job <c>NotifyDestination</c> URL.
/// </summary>
public sealed class ConcordWebhookOptions
{
    /// <summary>The default <see cref="MaxBodyBytes"/>: 1 MiB (enough for every field; raise it only if jobs attach the delivered image).</summary>
    public const long DefaultMaxBodyBytes = 1024 * 1024;

    /// <summary>The default <see cref="SecretHeader"/>: <c>X-FaxSdk-Token</c>.</summary>
    public const string DefaultSecretHeader = "X-FaxSdk-Token";

    /// <summary>The default <see cref="SecretQueryParameter"/>: <c>token</c>.</summary>
    public const string DefaultSecretQueryParameter = "token";

    /// <summary>The shortest <see cref="Secret"/> accepted: 32 characters (for example 128 random bits in hex).</summary>
    public const int MinimumSecretLength = 32;

    /// <summary>Whether notifications to this account's endpoint are received. Off by default.</summary>
    public bool Enabled { get; set; }

    /// <summary>The shared secret Concord sends back. Required when enabled, at least <see cref="MinimumSecretLength"/>
    /// characters, URL-safe (letters, digits, <c>-</c>, <c>_</c>, <c>.</c>, <c>~</c>); never logged.</summary>
    public string? Secret { get; set; }

    /// <summary>The secret being rotated out, still accepted until it is removed (jobs submitted before a rotation notify with it).</summary>
    public string? PreviousSecret { get; set; }

    /// <summary>The header that carries the secret. Default <c>X-FaxSdk-Token</c>.</summary>
    public string SecretHeader { get; set; } = DefaultSecretHeader;

    /// <summary>The query parameter that carries the secret when the header is absent. Default <c>token</c>.</summary>
    public string SecretQueryParameter { get; set; } = DefaultSecretQueryParameter;

    /// <summary>The largest notification body accepted, in bytes. Default 1 MiB; between 1 KiB and 64 MiB.</summary>
    public long MaxBodyBytes { get; set; } = DefaultMaxBodyBytes;
}
