namespace FaxSdk.Testing.Providers;

/// <summary>
/// One provider's pushes inside the emulator: which pushes a job's script produces, and each one's request in the
/// provider's documented shape. Built from the documentation (WEBHOOKS.md), never with the provider package's parsers
/// or signers, so the emulator stays an independent oracle for them.
/// </summary>
internal interface IProviderPusher
{
    /// <summary>The provider id.</summary>
    string ProviderId { get; }

    /// <summary>The settings, below the provider's configuration section, that make a FaxSdk receiver accept these pushes (<c>Webhooks:…</c>).</summary>
    /// <param name="credentials">The emulator's credentials.</param>
    /// <returns>The settings, in a stable order.</returns>
    IEnumerable<KeyValuePair<string, string?>> WebhookSettings(EmulatorCredentials credentials);

    /// <summary>The pushes a job's script produces, in the order the provider sends them.</summary>
    /// <param name="run">The job.</param>
    /// <returns>The pushes; empty when the script never reaches a point this provider pushes.</returns>
    IReadOnlyList<PlannedPush> Plan(EmulatedJobRun run);

    /// <summary>Creates a push request.</summary>
    /// <param name="push">The push.</param>
    /// <param name="run">The job, whose state at <see cref="PlannedPush.At"/> the body shows.</param>
    /// <param name="url">The URL, exactly as a provider would have been given it (Phaxio signs this string).</param>
    /// <param name="forged">Sign or authenticate it with a wrong token or credential.</param>
    /// <returns>The request.</returns>
    HttpRequestMessage Create(PlannedPush push, EmulatedJobRun run, string url, bool forged);
}
