using System.Text.Json;
using FaxSdk.Serialization;

namespace FaxSdk.Fuzz.Tests;

/// <summary>The canonical model's promises every parsed status must keep.</summary>
internal static class Invariants
{
    /// <summary>The first broken promise, or <see langword="null"/>.</summary>
    public static string? Violation(IReadOnlyList<FaxJobStatus>? statuses)
    {
        if (statuses is null)
        {
            return "the parser returned null";
        }

        foreach (var status in statuses)
        {
            if (status is null)
            {
                return "a status is null";
            }

            if (status.IsTerminal != status.State.IsTerminal())
            {
                return $"IsTerminal {status.IsTerminal} does not match state {status.State}";
            }

            if (status.State == FaxJobState.Failed && status.Error is null)
            {
                return "a failed job has no error";
            }

            if (status.Recipients is null)
            {
                return "recipients is null";
            }

            foreach (var recipient in status.Recipients)
            {
                if (recipient is null)
                {
                    return "a recipient is null";
                }

                if (recipient.State == FaxRecipientState.Failed && recipient.Error is null)
                {
                    return "a failed recipient has no error";
                }
            }

            if (status.State == FaxJobState.Succeeded && status.Recipients.Any(r => r.State == FaxRecipientState.Failed))
            {
                return "a job with a failed recipient is succeeded";
            }
        }

        try
        {
            JsonSerializer.Serialize(statuses, FaxSdkJsonContext.Canonical.IReadOnlyListFaxJobStatus);
        }
        catch (Exception exception)
        {
            return $"the canonical JSON cannot be written ({exception.GetType().Name}: {exception.Message})";
        }

        return null;
    }
}
