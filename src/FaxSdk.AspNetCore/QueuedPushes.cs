namespace FaxSdk.AspNetCore;

/// <summary>One accepted request's pushes.</summary>
/// <param name="Provider">The endpoint's provider id.</param>
/// <param name="Instance">The endpoint's instance.</param>
/// <param name="Pushes">The parsed pushes.</param>
internal sealed record QueuedPushes(string Provider, string Instance, IReadOnlyList<FaxPushedStatus> Pushes);
