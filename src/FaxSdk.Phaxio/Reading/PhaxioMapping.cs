using System.Globalization;

namespace FaxSdk.Phaxio;

/// <summary>
/// Maps what a Phaxio fax object said (<see cref="PhaxioFaxFields"/>) into the canonical model, with the rules
/// <see cref="PhaxioStatusParser"/> documents: API v1 markers, send answers and received faxes refused, error ids 75/76
/// cancel, a final fax status with recipients not final is not final, then <see cref="FaxOutcomeRule"/>.
/// </summary>
internal static class PhaxioMapping
{
    /// <summary>The status of a fax object, or <see langword="null"/> and why it is not one (returned, not thrown: a
    /// member read later, such as <c>"success": false</c>, may decide the body first). Returns the recipient buffer.</summary>
    /// <param name="fax">The fields; its recipient buffer is released.</param>
    /// <param name="index">The fax's index in a list response's <c>data</c>, or -1.</param>
    /// <param name="failure">Why the object is not a sent fax's status.</param>
    public static FaxJobStatus? ToStatus(ref PhaxioFaxFields fax, int index, out FaxProtocolException? failure)
    {
        try
        {
            failure = Refusal(ref fax, index);
            return failure is null ? Map(ref fax) : null;
        }
        finally
        {
            fax.Recipients.Release();
        }
    }

    /// <summary>A recipient as it said it is (the fax's status may change it, in <see cref="Map"/>).</summary>
    public static FaxRecipientStatus ToRecipient(ref PhaxioRecipientFields recipient)
    {
        // A recipient's status is null right after the fax is created: it is waiting to be called.
        var state = recipient.Status is null ? FaxRecipientState.Pending : recipient.StatusValue.ToCanonical();
        var error = ToError(ref recipient.Error);
        if (state == FaxRecipientState.Failed && error?.Category == FaxFailureCategory.Canceled)
        {
            state = FaxRecipientState.Canceled;
        }

        var calls = recipient.RetryCount ?? 0;
        if (state is not (FaxRecipientState.Pending or FaxRecipientState.Unknown) && calls < int.MaxValue)
        {
            calls++;
        }

        return new FaxRecipientStatus
        {
            FaxNumber = recipient.PhoneNumber ?? string.Empty,
            State = state,
            ProviderStatus = recipient.Status,
            Attempts = recipient.RetryCount is null && state == FaxRecipientState.Pending ? null : calls,
            CompletedAt = recipient.CompletedAt,
            Error = error,
        };
    }

    /// <summary>See <see cref="PhaxioStatusParser.ToError(string?, int?, string?)"/>; <paramref name="type"/> is <paramref name="typeText"/> parsed.</summary>
    public static FaxError? ToError(PhaxioErrorType type, string? typeText, int? errorId, string? message)
    {
        if (typeText is null && errorId is null && message is null)
        {
            return null;
        }

        var category = type.ToCanonical();
        if (errorId is { } id)
        {
            var refined = type switch
            {
                PhaxioErrorType.LineError => PhaxioLineErrorMap.FromCode(id).ToCanonical(),
                PhaxioErrorType.FaxError => PhaxioFaxErrorMap.FromCode(id).ToCanonical(),
                PhaxioErrorType.DocumentConversionError => PhaxioDocumentConversionErrorMap.FromCode(id).ToCanonical(),
                _ => FaxFailureCategory.Unknown,
            };
            if (refined != FaxFailureCategory.Unknown)
            {
                category = refined;
            }
        }

        var code = errorId?.ToString(CultureInfo.InvariantCulture) ?? typeText;
        return new FaxError(category, code, message);
    }

    private static FaxError? ToError(ref PhaxioErrorFields error) =>
        ToError(error.Type is null ? PhaxioErrorType.Unknown : error.TypeValue, error.Type, error.Id, error.Message);

    /// <summary>Why a fax object is not a sent fax's status, checked in this order; <see langword="null"/> when it is one.</summary>
    private static FaxProtocolException? Refusal(ref PhaxioFaxFields fax, int index)
    {
        if (fax.HasV1Member || fax.HasFaxId || fax.Recipients.HasV1Number)
        {
            return PhaxioStatusParser.V1($"{Where(index)}a v1 fax object (\"requested_at\", \"error_code\" or recipient \"number\")");
        }

        if (fax.Status is null && !fax.Recipients.IsPresent && !fax.HasDirection && fax.CreatedAt is null && fax.NumPages is null && fax.Id is not null)
        {
            return PhaxioStatusParser.Protocol($"{Where(index)}the body is the answer to a send, create, resend or cancel request (\"data\" holds only the fax id {PhaxioStatusParser.Bounded(fax.Id, 64)}), not a fax status: read the status with GET faxes/{{id}}.");
        }

        if (fax.Id is not { } jobId)
        {
            return PhaxioStatusParser.Protocol($"{Where(index)}the fax object has no \"id\".");
        }

        if (fax.IsReceived)
        {
            return PhaxioStatusParser.Protocol($"{Where(index)}fax {PhaxioStatusParser.Bounded(jobId, 64)} is a received fax (\"direction\": \"received\"), not a sent fax job: FaxSdk reports the status of faxes you send (list them with direction=sent).");
        }

        return fax.Recipients.FirstNull >= 0
            ? PhaxioStatusParser.Protocol($"{Where(index)}recipients[{fax.Recipients.FirstNull}] of fax {PhaxioStatusParser.Bounded(jobId, 64)} is not a recipient object (it is null or a plain value).")
            : null;
    }

    private static FaxJobStatus Map(ref PhaxioFaxFields fax)
    {
        var state = fax.Status is null ? FaxJobState.Unknown : fax.StatusValue.ToCanonical();
        var error = ToError(ref fax.Error);
        if (error?.Category == FaxFailureCategory.Canceled && state is FaxJobState.Failed or FaxJobState.Unknown)
        {
            state = FaxJobState.Canceled;
        }

        var read = fax.Recipients.Items;
        var recipients = read.Length > 0 ? new FaxRecipientStatus[read.Length] : [];
        int unfinished = 0, active = 0;
        for (var i = 0; i < recipients.Length; i++)
        {
            var recipient = read[i];
            if (!recipient.State.IsTerminal() && state is FaxJobState.Failed or FaxJobState.Canceled && error is not null)
            {
                // The fax failed (or was canceled) as a whole, for a stated reason, before this recipient got a result.
                recipient = recipient with
                {
                    State = error.Category == FaxFailureCategory.Canceled ? FaxRecipientState.Canceled : FaxRecipientState.Failed,
                    Error = recipient.Error ?? error,
                };
            }
            else if (recipient.State == FaxRecipientState.Failed && recipient.Error is null && error?.Category == FaxFailureCategory.Canceled)
            {
                recipient = recipient with { State = FaxRecipientState.Canceled, Error = error };
            }

            if (!recipient.State.IsTerminal())
            {
                unfinished++;
                active += recipient.State == FaxRecipientState.Unknown ? 0 : 1;
            }

            recipients[i] = recipient;
        }

        string? detail = null;
        if (unfinished > 0 && state is FaxJobState.Succeeded or FaxJobState.PartiallySucceeded or FaxJobState.Failed)
        {
            // A final fax status with recipients not final contradicts itself: not final yet, keep tracking (as the
            // outcome rule does: in progress while a recipient is under way, otherwise unknown).
            detail = string.Create(CultureInfo.InvariantCulture,
                $"Phaxio reports '{PhaxioStatusParser.Bounded(fax.Status!, 32)}' but {unfinished} of {recipients.Length} recipient(s) have no final result yet.");
            state = active > 0 ? FaxJobState.InProgress : FaxJobState.Unknown;
        }

        return FaxOutcomeRule.Apply(new FaxJobStatus
        {
            Provider = PhaxioStatusParser.ProviderId,
            JobId = fax.Id!,
            State = state,
            ProviderStatus = fax.Status,
            Detail = detail,
            Pages = fax.NumPages,
            IsTest = fax.IsTest ?? false,
            SubmittedAt = fax.CreatedAt,
            CompletedAt = fax.CompletedAt,
            Error = error,
            Recipients = recipients,
        });
    }

    private static string Where(int index) => index < 0 ? "" : string.Create(CultureInfo.InvariantCulture, $"data[{index}]: ");
}
