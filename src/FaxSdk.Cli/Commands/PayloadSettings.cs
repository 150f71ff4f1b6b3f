namespace FaxSdk.Cli.Commands;

/// <summary>What <c>faxstatus parse</c> knows besides the body.</summary>
/// <param name="TimeZone">The zone of server-local times (<c>--time-zone</c>, StoneFax); <see langword="null"/> for UTC.</param>
/// <param name="JobId">The job asked for, for an answer that names none (<c>--job-id</c>, Concord SimpleGetFaxStatus).</param>
internal sealed record PayloadSettings(TimeZoneInfo? TimeZone = null, string? JobId = null);
