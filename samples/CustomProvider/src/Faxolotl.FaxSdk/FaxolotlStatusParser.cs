using Faxolotl.Dto;
using FaxSdk;
using FaxSdk.Transport;

namespace Faxolotl;

/// <summary>
/// Reads a Faxolotl <c>GET v1/jobs/{id}</c> body into the canonical model. Public, so stored payloads and webhooks
/// (which carry the same JSON) can be read without a client.
/// </summary>
public static class FaxolotlStatusParser
{
    /// <summary>The provider id, <c>faxolotl</c>.</summary>
    public const string ProviderId = "faxolotl";

    /// <summary>Reads a job document.</summary>
    /// <param name="utf8Json">The response body.</param>
    /// <returns>The canonical status, after <see cref="FaxOutcomeRule.Apply(FaxJobStatus)"/>.</returns>
    /// <exception cref="FaxProtocolException">The body is empty, not JSON, truncated, of the wrong shape, over <see cref="FaxPayloadLimits"/>, or has no <c>job</c> id.</exception>
    public static FaxJobStatus Parse(ReadOnlySpan<byte> utf8Json)
    {
        FaxPayloadLimits.Inspect(utf8Json, ProviderId); // bounded before anything is deserialised
        var job = FaxJson.Deserialize(utf8Json, FaxolotlJsonContext.Default.FaxolotlJob, ProviderId);
        if (string.IsNullOrEmpty(job.Job))
        {
            throw new FaxProtocolException(ProviderId, $"{ProviderId}: the response has no \"job\" id.");
        }

        var recipients = job.Recipients is { Count: > 0 } list ? new FaxRecipientStatus[list.Count] : [];
        for (var i = 0; i < recipients.Length; i++)
        {
            recipients[i] = ToRecipient(job.Recipients![i]);
        }

        // The generated map never throws: a state this version does not know parses to Unknown.
        var state = job.State is null ? FaxJobState.Unknown : FaxolotlJobStateMap.Parse(job.State).ToCanonical();
        return FaxOutcomeRule.Apply(new FaxJobStatus
        {
            Provider = ProviderId,
            JobId = job.Job,
            State = state,
            ProviderStatus = job.State,
            Detail = job.Detail,
            Pages = job.Pages,
            IsTest = job.Sandbox ?? false,
            SubmittedAt = job.Created,
            CompletedAt = job.Finished,
            Error = ToError(job.Reason, job.Detail),
            Recipients = recipients,
        });
    }

    /// <summary>Maps a <c>reason</c> (and its <c>detail</c>) to a canonical error; <see langword="null"/> when there is no reason.</summary>
    /// <param name="reason">The <c>reason</c> value, such as <c>busy</c>.</param>
    /// <param name="detail">The human-readable <c>detail</c>.</param>
    /// <returns>The error, with the reason as its code.</returns>
    public static FaxError? ToError(string? reason, string? detail) =>
        reason is null ? null : new FaxError(FaxolotlReasonMap.Parse(reason).ToCanonical(), reason, detail);

    private static FaxRecipientStatus ToRecipient(FaxolotlRecipient recipient)
    {
        var state = recipient.State is null ? FaxRecipientState.Pending : FaxolotlRecipientStateMap.Parse(recipient.State).ToCanonical();
        return new FaxRecipientStatus
        {
            FaxNumber = recipient.To ?? string.Empty,
            State = state,
            ProviderStatus = recipient.State,
            Attempts = recipient.Tries,
            CompletedAt = recipient.Finished,
            Error = ToError(recipient.Reason, recipient.Detail),
        };
    }
}
