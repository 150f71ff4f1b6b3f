using System.Globalization;
using System.Text.Json;
using FaxSdk.Pantarey;
using FaxSdk.Transport;

namespace FaxSdk.Providers.Tests.Pantarey.Oracle;

/// <summary>The test ORACLE: the DTO-based parser PantareyStatusParser was before it read straight into the model
/// (issue 16), kept unchanged so that property tests can show the new parser agrees with it. Reads the output of Pantarey's "Query fax status" service task into the canonical model.</summary>
/// <remarks>
/// <para>Recipients appear only once the job is terminal; <c>resultCode</c> 0 means delivered. Pantarey does not
/// document its non-zero result codes or job error codes, so failures keep the code and text but their category is
/// <see cref="FaxFailureCategory.Unknown"/>. When a finished job reports no recipients, its <c>statistics</c> counts
/// decide the outcome instead.</para>
/// <para><c>finished</c> does not mean every recipient has a result: a finished job with a recipient that has no
/// <c>resultCode</c> is reported <see cref="FaxJobState.Unknown"/> (as in <see cref="FaxOutcomeRule"/>), and one whose
/// statistics count recipients with neither success nor error <see cref="FaxJobState.InProgress"/>: not final either
/// way, so it keeps being tracked. In an <c>error</c> or <c>canceled</c> job
/// such recipients are failed or canceled with the job. A body that is not the task output (the task's input
/// <c>{"jobId","test"}</c>, the "Send fax" output with <c>faxJob</c>, JSON of another shape) is a
/// <see cref="FaxProtocolException"/> saying so. Bodies are bounded by <see cref="FaxPayloadLimits"/>.</para>
/// </remarks>
internal static class PantareyOracleParser
{
    /// <summary>The provider id, <c>pantarey</c>.</summary>
    public const string ProviderId = "pantarey";

    private const string ExpectedShape =
        "the \"Query fax status\" task output {\"jobId\", \"status\", \"errorCode\", \"statistics\", \"recipients\"}";

    /// <summary>Reads a task output.</summary>
    /// <param name="utf8Json">The task output JSON.</param>
    /// <param name="isTest">Whether the job was queried in sandbox mode (the output does not say).</param>
    /// <returns>The canonical status, after <see cref="FaxOutcomeRule.Apply(FaxJobStatus)"/>.</returns>
    /// <exception cref="FaxProtocolException">The body is empty, not JSON, truncated, over <see cref="FaxPayloadLimits"/>,
    /// has no <c>jobId</c>, or is not the task output (see remarks).</exception>
    public static FaxJobStatus Parse(ReadOnlySpan<byte> utf8Json, bool isTest = false)
    {
        var root = FaxPayloadLimits.Inspect(utf8Json, ProviderId);
        if (root is not (JsonTokenType.None or JsonTokenType.StartObject))
        {
            throw Protocol($"the body is {FaxPayloadLimits.Describe(root)}; expected {ExpectedShape}.");
        }

        var output = Deserialize(utf8Json);
        if (output.FaxJob)
        {
            throw Protocol($"the body is the \"Send fax\" task output (\"faxJob\"), not a status: expected {ExpectedShape}.");
        }

        var jobId = output.JobId ?? throw Protocol($"the task output has no \"jobId\"; expected {ExpectedShape}.");
        if (output.Status is null && output.Statistics is null && output.Recipients is null)
        {
            throw Protocol(output.Test
                ? "the body is the \"Query fax status\" task input {\"jobId\", \"test\"}, not its output."
                : $"the body has a \"jobId\" but no \"status\", \"statistics\" or \"recipients\"; expected {ExpectedShape}.");
        }

        var state = output.Status is null ? FaxJobState.Unknown : PantareyJobStatusMap.Parse(output.Status).ToCanonical();
        var error = output.ErrorCode is null ? null : new FaxError(FaxFailureCategory.Unknown, output.ErrorCode, null);

        var recipients = output.Recipients is { Count: > 0 } list ? new FaxRecipientStatus[list.Count] : [];
        var unfinished = 0;
        for (var i = 0; i < recipients.Length; i++)
        {
            var recipient = ToRecipient(output.Recipients![i] ?? throw Protocol($"recipients[{i}] is not a recipient object (it is null or a plain value)."));
            if (!recipient.State.IsTerminal() && state is FaxJobState.Failed or FaxJobState.Canceled)
            {
                // The job ended in error (or was canceled) before this recipient got a result.
                recipient = recipient with
                {
                    State = state == FaxJobState.Canceled ? FaxRecipientState.Canceled : FaxRecipientState.Failed,
                    Error = error ?? new FaxError(state == FaxJobState.Canceled ? FaxFailureCategory.Canceled : FaxFailureCategory.Unknown, null, null),
                };
            }

            if (!recipient.State.IsTerminal())
            {
                unfinished++;
            }

            recipients[i] = recipient;
        }

        string? detail = null;
        if (state == FaxJobState.Succeeded && unfinished > 0)
        {
            // "finished" while a recipient has no result contradicts itself: not final yet, keep tracking. A recipient
            // without a result code is in an unknown state, so the job is too (as the outcome rule has it).
            detail = string.Create(CultureInfo.InvariantCulture, $"Pantarey reports 'finished' but {unfinished} of {recipients.Length} recipient(s) have no result code yet.");
            state = FaxJobState.Unknown;
        }
        else if (state == FaxJobState.Succeeded && recipients.Length == 0 && output.Statistics is { } statistics)
        {
            // "finished" without recipient details: the statistics are all there is to go on.
            // A negative count means nothing (it is taken as 0), and the sum of two counts may not fit in an int.
            var total = Math.Max(0, statistics.RecipientCount ?? 0);
            var delivered = Math.Max(0, statistics.RecipientCountSuccessful ?? 0);
            var failed = Math.Max(0, statistics.RecipientCountError ?? 0);
            if (failed > 0)
            {
                state = delivered > 0 ? FaxJobState.PartiallySucceeded : FaxJobState.Failed;
                error ??= new FaxError(FaxFailureCategory.Unknown, null,
                    string.Create(CultureInfo.InvariantCulture, $"{failed} of {(total > 0 ? total : (long)failed + delivered)} recipients failed."));
            }
            else if (delivered < total)
            {
                detail = string.Create(CultureInfo.InvariantCulture, $"Pantarey reports 'finished' but its statistics count {total - delivered} of {total} recipient(s) with no result yet.");
                state = FaxJobState.InProgress;
            }
        }

        return FaxOutcomeRule.Apply(new FaxJobStatus
        {
            Provider = ProviderId,
            JobId = jobId,
            State = state,
            ProviderStatus = output.Status,
            Detail = detail,
            Pages = output.Statistics?.Pages,
            IsTest = isTest,
            Error = error,
            Recipients = recipients,
        });
    }

    private static FaxRecipientStatus ToRecipient(PantareyRecipient recipient)
    {
        var code = recipient.ResultCode;
        var state = code switch
        {
            null => FaxRecipientState.Unknown,
            0 => FaxRecipientState.Succeeded,
            _ => FaxRecipientState.Failed,
        };
        var codeText = code?.ToString(CultureInfo.InvariantCulture);
        return new FaxRecipientStatus
        {
            FaxNumber = recipient.FaxNumber ?? string.Empty,
            State = state,
            ProviderStatus = codeText,
            Error = state == FaxRecipientState.Failed ? new FaxError(FaxFailureCategory.Unknown, codeText, recipient.ResultText) : null,
        };
    }

    private static PantareyQueryOutput Deserialize(ReadOnlySpan<byte> utf8Json)
    {
        try
        {
            return FaxJson.Deserialize(utf8Json, PantareyOracleJsonContext.Default.PantareyQueryOutput, ProviderId);
        }
        catch (FaxProtocolException exception) when (exception.InnerException is JsonException json && !exception.Message.Contains("truncated", StringComparison.Ordinal))
        {
            var path = json.Path is { Length: > 0 } p ? $" ({new string([.. (p.Length > 128 ? p[..128] + "…" : p).Select(c => char.IsControl(c) ? ' ' : c)])})" : "";
            throw new FaxProtocolException(ProviderId, $"{exception.Message.TrimEnd('.')}{path}; expected {ExpectedShape}.", json)
            {
                ResponseExcerpt = exception.ResponseExcerpt,
            };
        }
    }

    private static FaxProtocolException Protocol(string message) => new(ProviderId, $"{ProviderId}: {message}");
}
