namespace FaxSdk.Testing.Providers;

/// <summary>How a provider's API can report a job's end, which decides the canonical final state a script reaches.</summary>
/// <param name="CancelReadsAsFailure">The API has no status for a canceled fax, so a job whose recipients were all canceled reads as failed.</param>
/// <param name="ReportsPartialSuccess">The API can report a job some recipients received and others did not.</param>
internal sealed record EmulatedOutcomes(bool CancelReadsAsFailure, bool ReportsPartialSuccess);
