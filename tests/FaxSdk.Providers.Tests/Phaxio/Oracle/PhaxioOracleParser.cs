using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using FaxSdk.Phaxio;
using FaxSdk.Transport;

namespace FaxSdk.Providers.Tests.Phaxio.Oracle;

/// <summary>
/// The ORACLE: PhaxioStatusParser as it was before issue 16 (System.Text.Json into a DTO graph, then mapped), kept
/// unchanged so that the direct reader can be checked against it (PhaxioOracleTests).
/// </summary>
internal static class PhaxioOracleParser
{
    /// <summary>The provider id, <c>phaxio</c>.</summary>
    private const string ProviderId = "phaxio";

    private const string ExpectedShape =
        "a Phaxio API v2.1 response {\"success\", \"message\", \"data\": a fax object or a list of them} or a fax object {\"id\", \"status\", \"recipients\", …}";

    /// <summary>Reads any Phaxio status payload: a list response (one status per fax, in order; the empty list gives an
    /// empty result), a single-fax response envelope, or a bare fax object.</summary>
    /// <param name="utf8Json">The body.</param>
    /// <returns>The canonical statuses, each after <see cref="FaxOutcomeRule.Apply(FaxJobStatus)"/>.</returns>
    /// <exception cref="FaxProtocolException">The body is empty, not JSON, truncated, over <see cref="FaxPayloadLimits"/>,
    /// of another shape, an answer to a send/create/cancel request, an API v1 payload, or holds a received fax.</exception>
    /// <exception cref="FaxSdkException">The envelope says <c>"success": false</c> (its <c>message</c> is kept).</exception>
    internal static IReadOnlyList<FaxJobStatus> Parse(ReadOnlySpan<byte> utf8Json)
    {
        var body = Read(utf8Json);
        if (body.Data is { Kind: JsonTokenType.StartArray, Faxes: { } faxes })
        {
            var statuses = new FaxJobStatus[faxes.Count];
            for (var i = 0; i < statuses.Length; i++)
            {
                statuses[i] = ToStatus(faxes[i] ?? throw Protocol($"data[{i}] is not a fax object (it is null or a plain value)."), $"data[{i}]: ");
            }

            return statuses;
        }

        return [ToStatus(SingleFax(body), "")];
    }

    /// <summary>Reads a single-fax response envelope <c>{ "success", "message", "data" }</c>, or a bare fax object.</summary>
    /// <param name="utf8Json">The response body.</param>
    /// <returns>The canonical status, after <see cref="FaxOutcomeRule.Apply(FaxJobStatus)"/>.</returns>
    /// <exception cref="FaxProtocolException">The body is empty, not JSON, truncated, over <see cref="FaxPayloadLimits"/>,
    /// a list response (read it with <see cref="Parse(ReadOnlySpan{byte})"/>), of another shape, an answer to a
    /// send/create/cancel request, an API v1 payload, or a received fax.</exception>
    /// <exception cref="FaxSdkException">The envelope says <c>"success": false</c> (its <c>message</c> is kept).</exception>
    internal static FaxJobStatus ParseResponse(ReadOnlySpan<byte> utf8Json)
    {
        var body = Read(utf8Json);
        if (body.Data is { Kind: JsonTokenType.StartArray, Faxes: { } faxes })
        {
            throw Protocol(string.Create(CultureInfo.InvariantCulture,
                $"the response is a fax list (\"data\" is an array of {faxes.Count} fax(es)), not a single fax: read it with PhaxioStatusParser.Parse."));
        }

        return ToStatus(SingleFax(body), "");
    }

    /// <summary>Reads a bare fax object, such as the JSON in the <c>fax</c> field of a Phaxio webhook (a response
    /// envelope is read too).</summary>
    /// <param name="utf8Json">The fax object.</param>
    /// <returns>The canonical status, after <see cref="FaxOutcomeRule.Apply(FaxJobStatus)"/>.</returns>
    /// <exception cref="FaxProtocolException">As for <see cref="ParseResponse(ReadOnlySpan{byte})"/>.</exception>
    /// <exception cref="FaxSdkException">An envelope says <c>"success": false</c>.</exception>
    internal static FaxJobStatus ParseFax(ReadOnlySpan<byte> utf8Json) => ParseResponse(utf8Json);

    /// <summary>Maps an <c>error_type</c>/<c>error_id</c> pair into the failure taxonomy; <see langword="null"/> when all are absent.</summary>
    /// <param name="errorType">The <c>error_type</c>, such as <c>lineError</c>.</param>
    /// <param name="errorId">The <c>error_id</c>, such as 17.</param>
    /// <param name="message">The <c>error_message</c>.</param>
    /// <returns>The canonical error, with the id (or else the type) as its code. An id listed in
    /// <see cref="PhaxioLineError"/>, <see cref="PhaxioFaxError"/> or <see cref="PhaxioDocumentConversionError"/> gives
    /// its category; any other id the category of its type (<see cref="PhaxioErrorType"/>).</returns>
    internal static FaxError? ToError(string? errorType, int? errorId, string? message)
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
                PhaxioErrorType.DocumentConversionError => PhaxioDocumentConversionErrorMap.FromCode(id).ToCanonical(),
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

    private static PhaxioResponse Read(ReadOnlySpan<byte> utf8Json)
    {
        var root = FaxPayloadLimits.Inspect(utf8Json, ProviderId);
        if (root is not (JsonTokenType.None or JsonTokenType.StartObject))
        {
            throw Protocol($"the body is {FaxPayloadLimits.Describe(root)}; expected {ExpectedShape}.");
        }

        var body = Deserialize(utf8Json, PhaxioJsonContext.Default.PhaxioResponse);
        if (body.FaxId || body.Data?.Fax?.FaxId == true)
        {
            throw V1("a v1 send answer (\"faxId\")");
        }

        if (body.Success == false)
        {
            var message = string.IsNullOrWhiteSpace(body.Message) ? "no message" : Bounded(body.Message, 512);
            throw new FaxSdkException(ProviderId, $"{ProviderId}: the response says success=false: {message}");
        }

        return body;
    }

    private static PhaxioFax SingleFax(PhaxioResponse body)
    {
        var isEnvelope = body.Success is not null || body.Message is not null || body.Data is not null || body.Paging;
        if (!isEnvelope)
        {
            return body.Id is not null || body.Status is not null || body.Recipients is not null || body.Direction is not null
                ? body
                : throw Protocol($"the object has none of the fields of {ExpectedShape}.");
        }

        return body.Data switch
        {
            null => throw Protocol("the response has no fax object in \"data\"."),
            { Fax: { } fax } => fax,
            { Kind: var kind } => throw Protocol($"\"data\" is {FaxPayloadLimits.Describe(kind)}; expected a fax object or a list of them."),
        };
    }

    private static FaxJobStatus ToStatus(PhaxioFax fax, string where)
    {
        if (fax.RequestedAt || fax.ErrorCode || fax.FaxId || fax.Recipients?.Exists(r => r?.Number == true) == true)
        {
            throw V1($"{where}a v1 fax object (\"requested_at\", \"error_code\" or recipient \"number\")");
        }

        if (fax.Status is null && fax.Recipients is null && fax.Direction is null && fax.CreatedAt is null && fax.NumPages is null && fax.Id is not null)
        {
            throw Protocol($"{where}the body is the answer to a send, create, resend or cancel request (\"data\" holds only the fax id {Bounded(fax.Id, 64)}), not a fax status: read the status with GET faxes/{{id}}.");
        }

        var jobId = fax.Id ?? throw Protocol($"{where}the fax object has no \"id\".");
        if (string.Equals(fax.Direction, "received", StringComparison.OrdinalIgnoreCase))
        {
            throw Protocol($"{where}fax {Bounded(jobId, 64)} is a received fax (\"direction\": \"received\"), not a sent fax job: FaxSdk reports the status of faxes you send (list them with direction=sent).");
        }

        var state = fax.Status is null ? FaxJobState.Unknown : PhaxioFaxStatusMap.Parse(fax.Status).ToCanonical();
        var error = ToError(fax.ErrorType, fax.ErrorId, fax.ErrorMessage);
        if (error?.Category == FaxFailureCategory.Canceled && state is FaxJobState.Failed or FaxJobState.Unknown)
        {
            state = FaxJobState.Canceled;
        }

        var recipients = fax.Recipients is { Count: > 0 } list ? new FaxRecipientStatus[list.Count] : [];
        int unfinished = 0, active = 0;
        for (var i = 0; i < recipients.Length; i++)
        {
            var recipient = ToRecipient(fax.Recipients![i] ?? throw Protocol($"{where}recipients[{i}] of fax {Bounded(jobId, 64)} is not a recipient object (it is null or a plain value)."));
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
                $"Phaxio reports '{Bounded(fax.Status!, 32)}' but {unfinished} of {recipients.Length} recipient(s) have no final result yet.");
            state = active > 0 ? FaxJobState.InProgress : FaxJobState.Unknown;
        }

        return FaxOutcomeRule.Apply(new FaxJobStatus
        {
            Provider = ProviderId,
            JobId = jobId,
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

    private static FaxRecipientStatus ToRecipient(PhaxioRecipient recipient)
    {
        // A recipient's status is null right after the fax is created: it is waiting to be called.
        var state = recipient.Status is null ? FaxRecipientState.Pending : PhaxioRecipientStatusMap.Parse(recipient.Status).ToCanonical();
        var error = ToError(recipient.ErrorType, recipient.ErrorId, recipient.ErrorMessage);
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

    private static T Deserialize<T>(ReadOnlySpan<byte> utf8Json, JsonTypeInfo<T> typeInfo)
    {
        try
        {
            return FaxJson.Deserialize(utf8Json, typeInfo, ProviderId);
        }
        catch (FaxProtocolException exception) when (exception.InnerException is JsonException json && !exception.Message.Contains("truncated", StringComparison.Ordinal))
        {
            var path = json.Path is { Length: > 0 } p ? $" ({Bounded(p, 128)})" : "";
            throw new FaxProtocolException(ProviderId, $"{exception.Message.TrimEnd('.')}{path}; expected {ExpectedShape}.", json)
            {
                ResponseExcerpt = exception.ResponseExcerpt,
            };
        }
    }

    private static FaxProtocolException V1(string what) =>
        Protocol($"the body is {what}: Phaxio API v1 is not supported; FaxSdk reads API v2.1 (https://api.phaxio.com/v2.1/).");

    private static FaxProtocolException Protocol(string message) => new(ProviderId, $"{ProviderId}: {message}");

    /// <summary>A value for a message: cut to <paramref name="max"/> characters (then <c>…</c>), control characters as spaces.</summary>
    private static string Bounded(string text, int max)
    {
        var cut = text.Length > max ? text[..max] + "…" : text;
        return string.Create(cut.Length, cut, static (span, source) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = char.IsControl(source[i]) ? ' ' : source[i];
            }
        });
    }
}
