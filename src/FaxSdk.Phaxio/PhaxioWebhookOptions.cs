namespace FaxSdk.Phaxio;

/// <summary>
/// How one Phaxio account's webhooks (API v2.1 "webhooks", v1/v2 "callbacks") are received; bound from
/// <c>FaxSdk:Phaxio:Webhooks</c> or <c>FaxSdk:Phaxio:Instances:{name}:Webhooks</c>.
/// </summary>
public sealed class PhaxioWebhookOptions
{
    /// <summary>
    /// The default <see cref="MaxBodyBytes"/>: 1 MiB. A send webhook is a form of a few kilobytes; received-fax webhooks
    /// (which carry the PDF) are refused anyway, and a body is held in memory before its signature is checked.
    /// </summary>
    public const long DefaultMaxBodyBytes = 1024L * 1024;

    /// <summary>The largest <see cref="MaxBodyBytes"/> allowed: 16 MiB.</summary>
    public const long MaxBodyBytesLimit = 16L * 1024 * 1024;

    /// <summary>Whether this account's pushes are received. Off by default.</summary>
    public bool Enabled { get; set; }

    /// <summary>
    /// The webhook token from Phaxio's webhook settings page (the v1/v2 "callback token"): the HMAC-SHA1 key of
    /// <c>X-Phaxio-Signature</c>. Required when <see cref="Enabled"/>; secret, never logged or put into exceptions.
    /// </summary>
    public string? Token { get; set; }

    /// <summary>
    /// The token being replaced during a rotation: while it is set, a request signed with it is accepted too. Remove it
    /// once Phaxio signs with the new <see cref="Token"/>. Secret.
    /// </summary>
    public string? PreviousToken { get; set; }

    /// <summary>The largest request body accepted, in bytes. Default <see cref="DefaultMaxBodyBytes"/>; positive and at most 16 MiB.</summary>
    public long MaxBodyBytes { get; set; } = DefaultMaxBodyBytes;
}
