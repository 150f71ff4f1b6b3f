namespace FaxSdk.Retarus;

/// <summary>
/// The HTTP status push of one Retarus account (<c>statusReportOptions.httpStatusPush</c>), bound from
/// <c>FaxSdk:Retarus[:Instances:{name}]:Webhooks</c>. Retarus authenticates its push with HTTP Basic
/// (<c>authMethod</c> <c>HTTP_BASIC</c>, <c>principal</c> = <see cref="Username"/>, <c>credentials</c> =
/// <see cref="Password"/>); the push is not signed.
/// </summary>
public sealed class RetarusWebhookOptions
{
    /// <summary>The default <see cref="MaxBodyBytes"/>: 1 MiB.</summary>
    public const long DefaultMaxBodyBytes = 1024 * 1024;

    /// <summary>The shortest <see cref="Password"/> accepted: 16 characters (use a generated one).</summary>
    public const int MinimumPasswordLength = 16;

    /// <summary>Whether pushes to this account's endpoint are received. Off by default.</summary>
    public bool Enabled { get; set; }

    /// <summary>The Basic user Retarus sends (the job's <c>httpStatusPush.principal</c>). Required when enabled.</summary>
    public string? Username { get; set; }

    /// <summary>The Basic password Retarus sends (<c>httpStatusPush.credentials</c>). Required when enabled, at least
    /// <see cref="MinimumPasswordLength"/> characters; never logged.</summary>
    public string? Password { get; set; }

    /// <summary>The user of the pair being rotated out; <see langword="null"/> when it is <see cref="Username"/>.</summary>
    public string? PreviousUsername { get; set; }

    /// <summary>The password being rotated out, still accepted until it is removed (jobs sent before a rotation push with it).</summary>
    public string? PreviousPassword { get; set; }

    /// <summary>The largest push body accepted, in bytes. Default 1 MiB; between 1 KiB and 64 MiB.</summary>
    public long MaxBodyBytes { get; set; } = DefaultMaxBodyBytes;
}
