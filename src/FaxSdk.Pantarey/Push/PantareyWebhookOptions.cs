namespace FaxSdk.Pantarey;

/// <summary>
/// The status push FaxSdk defines for Pantarey (a Script task of your process POSTs the "Query fax status" output plus
/// <c>"test"</c>), bound from <c>FaxSdk:Pantarey[:Instances:{name}]:Webhooks</c>. The process sends
/// <c>Authorization: Bearer {Secret}</c>; the push is not signed.
/// </summary>
public sealed class PantareyWebhookOptions
{
    /// <summary>The default <see cref="MaxBodyBytes"/>: 256 KiB (a job has at most 10 recipients).</summary>
    public const long DefaultMaxBodyBytes = 256 * 1024;

    /// <summary>The shortest <see cref="Secret"/> accepted: 32 characters (for example 128 random bits in hex).</summary>
    public const int MinimumSecretLength = 32;

    /// <summary>Whether pushes to this endpoint are received. Off by default.</summary>
    public bool Enabled { get; set; }

    /// <summary>The bearer secret the process sends. Required when enabled, at least <see cref="MinimumSecretLength"/> characters; never logged.</summary>
    public string? Secret { get; set; }

    /// <summary>The secret being rotated out, still accepted until it is removed.</summary>
    public string? PreviousSecret { get; set; }

    /// <summary>The largest push body accepted, in bytes. Default 256 KiB; between 1 KiB and 64 MiB.</summary>
    public long MaxBodyBytes { get; set; } = DefaultMaxBodyBytes;
}
