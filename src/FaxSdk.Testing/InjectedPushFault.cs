namespace FaxSdk.Testing;

/// <summary>A push fault the emulator injected (decided when the job was added).</summary>
/// <param name="Provider">The provider id.</param>
/// <param name="JobId">The job id.</param>
/// <param name="Event">The push's event (see <see cref="EmulatedPush.Event"/>).</param>
/// <param name="Index">The push's index among the job's pushes, 0 for the first.</param>
/// <param name="Kind">The fault.</param>
public sealed record InjectedPushFault(string Provider, string JobId, string Event, int Index, EmulatedPushFault Kind);
