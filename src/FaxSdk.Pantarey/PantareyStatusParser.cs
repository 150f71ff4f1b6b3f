using System.Globalization;
using System.Text.Json;
using FaxSdk.Pantarey.Dto;
using FaxSdk.Transport;

namespace FaxSdk.Pantarey;

/// <summary>Reads the output of Pantarey's "Query fax status" service task into the canonical model.</summary>
/// <remarks>
/// Recipients appear only once the job is terminal; <c>resultCode</c> 0 means delivered. Pantarey does not document
/// its non-zero result codes or job error codes, so failures keep the code and text but their category is
/// <see cref="FaxFailureCategory.Unknown"/>. When a finished job reports no recipients, its <c>statistics</c> counts
/// decide the outcome instead.
/// </remarks>
public static class PantareyStatusParser
{
    /// <summary>The provider id, <c>pantarey</c>.</summary>
    public const string ProviderId = "pantarey";

    /// <summary>Reads a task output.</summary>
    /// <param name="utf8Json">The task output JSON.</param>
    /// <param name="isTest">Whether the job was queried in sandbox mode (the output does not say).</param>
    /// <returns>The canonical status, after <see cref="FaxOutcomeRule.Apply(FaxJobStatus)"/>.</returns>
    /// <exception cref="FaxProtocolException">The body is empty, not JSON, truncated, or has no <c>jobId</c>.</exception>
    public static FaxJobStatus Parse(ReadOnlySpan<byte> utf8Json, bool isTest = false)
    {
        var output = FaxJson.Deserialize(utf8Json, PantareyJsonContext.Default.PantareyQueryOutput, ProviderId);
        var state = output.Status is null ? FaxJobState.Unknown : PantareyJobStatusMap.Parse(output.Status).ToCanonical();

        var recipients = output.Recipients is { Count: > 0 } list ? new FaxRecipientStatus[list.Count] : [];
        for (var i = 0; i < recipients.Length; i++)
        {
            recipients[i] = ToRecipient(output.Recipients![i]);
        }

        var errorCode = ReadCode(output.ErrorCode);
        FaxError? error = errorCode is null ? null : new FaxError(FaxFailureCategory.Unknown, errorCode, null);
        if (state == FaxJobState.Succeeded && recipients.Length == 0 && output.Statistics is { RecipientCountError: > 0 } statistics)
        {
            // "finished" without recipient details: the statistics are all there is to go on.
            state = statistics.RecipientCountSuccessful > 0 ? FaxJobState.PartiallySucceeded : FaxJobState.Failed;
            error ??= new FaxError(FaxFailureCategory.Unknown, null,
                string.Create(CultureInfo.InvariantCulture, $"{statistics.RecipientCountError} of {statistics.RecipientCount} recipients failed."));
        }

        return FaxOutcomeRule.Apply(new FaxJobStatus
        {
            Provider = ProviderId,
            JobId = output.JobId ?? throw new FaxProtocolException(ProviderId, $"{ProviderId}: the task output has no \"jobId\"."),
            State = state,
            ProviderStatus = output.Status,
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

    private static string? ReadCode(JsonElement? code) => code switch
    {
        null => null,
        { ValueKind: JsonValueKind.Null or JsonValueKind.Undefined } => null,
        { ValueKind: JsonValueKind.String } element => element.GetString(),
        { } element => element.GetRawText(),
    };
}
