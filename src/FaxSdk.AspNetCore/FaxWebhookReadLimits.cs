namespace FaxSdk.AspNetCore;

/// <summary>The bounds within which <see cref="FaxWebhookRequestReader"/> reads one webhook request.</summary>
public sealed record FaxWebhookReadLimits
{
    /// <summary>The largest body, in bytes; a larger one (declared or streamed) is refused with 413 and read no further. Default 1 MiB.</summary>
    public long MaxBodyBytes { get; init; } = 1024 * 1024;

    /// <summary>The most fields and file parts a form body may have; more are refused with 413 before they are allocated. Default 200.</summary>
    public int MaxFormFields { get; init; } = 200;

    /// <summary>How long reading the body may take before it is refused with 408; <see langword="null"/> for no limit. Default 10 seconds.</summary>
    public TimeSpan? BodyReadTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>The clock of <see cref="BodyReadTimeout"/>; <see langword="null"/> for <see cref="TimeProvider.System"/>.</summary>
    public TimeProvider? TimeProvider { get; init; }
}
