namespace FaxSdk;

/// <summary>
/// What a stored payload does not say about itself and a reader may need: the server's time zone for times written
/// without an offset, or the job an answer is about when the answer does not name it. A parser uses what applies to
/// its provider's payloads and ignores the rest.
/// </summary>
public sealed class FaxPayloadContext
{
    /// <summary>No extra knowledge: times without an offset are read as UTC, and an answer must name its job.</summary>
    public static FaxPayloadContext None { get; } = new();

    /// <summary>The provider server's time zone, for times the payload writes without an offset (for example StoneFax's); <see langword="null"/> for UTC.</summary>
    public TimeZoneInfo? ServerTimeZone { get; init; }

    /// <summary>The job the payload is about, for answers that do not name it (for example Concord's SimpleGetFaxStatus); <see langword="null"/> when unknown.</summary>
    public string? JobId { get; init; }
}
