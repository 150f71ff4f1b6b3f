using System.Globalization;
using FaxSdk.Phaxio.Dto;
using FaxSdk.Transport;

namespace FaxSdk.Phaxio;

/// <summary>
/// Reads Phaxio API v2.1 payloads into the canonical model: the <c>GET /v2.1/faxes/{id}</c> response envelope, or a
/// bare fax object (the <c>fax</c> field of a send callback). Public, so stored payloads and webhooks can be read
/// without a client.
/// </summary>
public static class PhaxioStatusParser
{
    /// <summary>The provider id, <c>phaxio</c>.</summary>
    public const string ProviderId = "phaxio";

    /// <summary>Reads a <c>{ "success", "message", "data" }</c> response envelope.</summary>
    /// <param name="utf8Json">The response body.</param>
    /// <returns>The canonical status, after <see cref="FaxOutcomeRule.Apply(FaxJobStatus)"/>.</returns>
    /// <exception cref="FaxProtocolException">The body is empty, not JSON, truncated, or has no fax in <c>data</c>.</exception>
    /// <exception cref="FaxSdkException">The envelope says <c>"success": false</c> (its <c>message</c> is kept).</exception>
    public static FaxJobStatus ParseResponse(ReadOnlySpan<byte> utf8Json)
    {
        var response = FaxJson.Deserialize(utf8Json, PhaxioJsonContext.Default.PhaxioResponse, ProviderId);
        if (response.Success != true)
        {
            var message = string.IsNullOrWhiteSpace(response.Message) ? "no message" : response.Message;
            throw new FaxSdkException(ProviderId, $"{ProviderId}: the response says success=false: {message}");
        }

        return response.Data is { } fax
            ? ToStatus(fax)
            : throw new FaxProtocolException(ProviderId, $"{ProviderId}: the response has no fax object in \"data\".");
    }

    /// <summary>Reads a bare fax object, such as the JSON in the <c>fax</c> field of a Phaxio send callback.</summary>
    /// <param name="utf8Json">The fax object.</param>
    /// <returns>The canonical status, after <see cref="FaxOutcomeRule.Apply(FaxJobStatus)"/>.</returns>
    /// <exception cref="FaxProtocolException">The payload is empty, not JSON or truncated.</exception>
    public static FaxJobStatus ParseFax(ReadOnlySpan<byte> utf8Json) =>
        ToStatus(FaxJson.Deserialize(utf8Json, PhaxioJsonContext.Default.PhaxioFax, ProviderId));

    private static FaxJobStatus ToStatus(PhaxioFax fax)
    {
        var recipients = fax.Recipients is { Count: > 0 } list ? new FaxRecipientStatus[list.Count] : [];
        for (var i = 0; i < recipients.Length; i++)
        {
            recipients[i] = ToRecipient(fax.Recipients![i]);
        }

        var state = fax.Status is null ? FaxJobState.Unknown : PhaxioFaxStatusMap.Parse(fax.Status).ToCanonical();
        return FaxOutcomeRule.Apply(new FaxJobStatus
        {
            Provider = ProviderId,
            JobId = fax.Id ?? throw new FaxProtocolException(ProviderId, $"{ProviderId}: the fax object has no \"id\"."),
            State = state,
            ProviderStatus = fax.Status,
            Pages = fax.NumPages,
            IsTest = fax.IsTest ?? false,
            SubmittedAt = fax.CreatedAt,
            CompletedAt = fax.CompletedAt,
            Error = ToError(fax.ErrorType, fax.ErrorId, fax.ErrorMessage),
            Recipients = recipients,
        });
    }

    private static FaxRecipientStatus ToRecipient(PhaxioRecipient recipient)
    {
        // A recipient's status is null right after the fax is created: it is waiting to be called.
        var state = recipient.Status is null ? FaxRecipientState.Pending : PhaxioRecipientStatusMap.Parse(recipient.Status).ToCanonical();
        var calls = recipient.RetryCount ?? 0;
        if (state is not (FaxRecipientState.Pending or FaxRecipientState.Unknown))
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
            Error = ToError(recipient.ErrorType, recipient.ErrorId, recipient.ErrorMessage),
        };
    }

    /// <summary>Maps an <c>error_type</c>/<c>error_id</c> pair into the failure taxonomy; <see langword="null"/> when both are absent.</summary>
    /// <param name="errorType">The <c>error_type</c>, such as <c>lineError</c>.</param>
    /// <param name="errorId">The <c>error_id</c>, such as 17.</param>
    /// <param name="message">The <c>error_message</c>.</param>
    /// <returns>The canonical error, with the id (or else the type) as its code.</returns>
    public static FaxError? ToError(string? errorType, int? errorId, string? message)
    {
        if (errorType is null && errorId is null && message is null)
        {
            return null;
        }

        var type = errorType is null ? PhaxioErrorType.Unknown : PhaxioErrorTypeMap.Parse(errorType);
        var category = type.ToCanonical();
        if (errorId is { } id)
        {
            var refined = type switch
            {
                PhaxioErrorType.LineError => PhaxioLineErrorMap.FromCode(id).ToCanonical(),
                PhaxioErrorType.FaxError => PhaxioFaxErrorMap.FromCode(id).ToCanonical(),
                _ => FaxFailureCategory.Unknown,
            };
            if (refined != FaxFailureCategory.Unknown)
            {
                category = refined;
            }
        }

        var code = errorId?.ToString(CultureInfo.InvariantCulture) ?? errorType;
        return new FaxError(category, code, message);
    }
}
