using System.Globalization;
using System.Text;
using System.Text.Json;
using FaxSdk.Transport;

namespace FaxSdk.Phaxio;

/// <summary>
/// Reads Phaxio API v2.1 payloads into the canonical model: the <c>GET /v2.1/faxes/{id}</c> response envelope, a list
/// response (<c>GET /v2.1/faxes</c>, <c>data</c> is an array), or a bare fax object (the <c>fax</c> field of a
/// webhook). Public, so stored payloads and webhooks can be read without a client.
/// </summary>
/// <remarks>
/// <para>Bodies that are not a fax status are errors, not an <see cref="FaxJobState.Unknown"/> status: the answer to a
/// send, create, resend or cancel request (<c>data</c> holds only an <c>id</c>), an API v1 payload, a received fax
/// (<c>direction: received</c>; FaxSdk tracks sent faxes), or JSON of another shape. Each throws a
/// <see cref="FaxProtocolException"/> that says what the body looks like.</para>
/// <para>A fax canceled by a person or through the API (<c>faxError</c> 75), or by its <c>cancel_timeout</c> (76), is
/// <see cref="FaxJobState.Canceled"/>, and so are its recipients, with a <see cref="FaxFailureCategory.Canceled"/>
/// error (not retryable). A <c>success</c> or <c>partialsuccess</c> fax with a recipient that has no final result yet is
/// not final (<see cref="FaxJobState.InProgress"/> while a recipient is under way, else <see cref="FaxJobState.Unknown"/>,
/// as in <see cref="FaxOutcomeRule"/>), so it keeps being tracked; a <c>failure</c> with a reason
/// gives that reason to recipients that never got a final result. Bodies are bounded by
/// <see cref="FaxPayloadLimits"/>; an unreadable time is left <see langword="null"/>.</para>
/// </remarks>
public static class PhaxioStatusParser
{
    /// <summary>The provider id, <c>phaxio</c>.</summary>
    public const string ProviderId = "phaxio";

    private const string ExpectedShape =
        "a Phaxio API v2.1 response {\"success\", \"message\", \"data\": a fax object or a list of them} or a fax object {\"id\", \"status\", \"recipients\", …}";

    /// <summary>Reads any Phaxio status payload: a list response (one status per fax, in order; the empty list gives an
    /// empty result), a single-fax response envelope, or a bare fax object.</summary>
    /// <param name="utf8Json">The body.</param>
    /// <returns>The canonical statuses, each after <see cref="FaxOutcomeRule.Apply(FaxJobStatus)"/>.</returns>
    /// <exception cref="FaxProtocolException">The body is empty, not JSON, truncated, over <see cref="FaxPayloadLimits"/>,
    /// of another shape, an answer to a send/create/cancel request, an API v1 payload, or holds a received fax.</exception>
    /// <exception cref="FaxSdkException">The envelope says <c>"success": false</c> (its <c>message</c> is kept).</exception>
    public static IReadOnlyList<FaxJobStatus> Parse(ReadOnlySpan<byte> utf8Json)
    {
        var single = Read(utf8Json, allowList: true, out var list);
        return list ?? [single];
    }

    /// <summary>Reads a single-fax response envelope <c>{ "success", "message", "data" }</c>, or a bare fax object.</summary>
    /// <param name="utf8Json">The response body.</param>
    /// <returns>The canonical status, after <see cref="FaxOutcomeRule.Apply(FaxJobStatus)"/>.</returns>
    /// <exception cref="FaxProtocolException">The body is empty, not JSON, truncated, over <see cref="FaxPayloadLimits"/>,
    /// a list response (read it with <see cref="Parse(ReadOnlySpan{byte})"/>), of another shape, an answer to a
    /// send/create/cancel request, an API v1 payload, or a received fax.</exception>
    /// <exception cref="FaxSdkException">The envelope says <c>"success": false</c> (its <c>message</c> is kept).</exception>
    public static FaxJobStatus ParseResponse(ReadOnlySpan<byte> utf8Json) => Read(utf8Json, allowList: false, out _);

    /// <summary>Reads a bare fax object, such as the JSON in the <c>fax</c> field of a Phaxio webhook (a response
    /// envelope is read too).</summary>
    /// <param name="utf8Json">The fax object.</param>
    /// <returns>The canonical status, after <see cref="FaxOutcomeRule.Apply(FaxJobStatus)"/>.</returns>
    /// <exception cref="FaxProtocolException">As for <see cref="ParseResponse(ReadOnlySpan{byte})"/>.</exception>
    /// <exception cref="FaxSdkException">An envelope says <c>"success": false</c>.</exception>
    public static FaxJobStatus ParseFax(ReadOnlySpan<byte> utf8Json) => ParseResponse(utf8Json);

    /// <summary>Maps an <c>error_type</c>/<c>error_id</c> pair into the failure taxonomy; <see langword="null"/> when all are absent.</summary>
    /// <param name="errorType">The <c>error_type</c>, such as <c>lineError</c>.</param>
    /// <param name="errorId">The <c>error_id</c>, such as 17.</param>
    /// <param name="message">The <c>error_message</c>.</param>
    /// <returns>The canonical error, with the id (or else the type) as its code. An id listed in
    /// <see cref="PhaxioLineError"/>, <see cref="PhaxioFaxError"/> or <see cref="PhaxioDocumentConversionError"/> gives
    /// its category; any other id the category of its type (<see cref="PhaxioErrorType"/>).</returns>
    public static FaxError? ToError(string? errorType, int? errorId, string? message) =>
        PhaxioMapping.ToError(errorType is null ? PhaxioErrorType.Unknown : PhaxioErrorTypeMap.Parse(errorType), errorType, errorId, message);

    /// <summary>
    /// Reads the body once (<see cref="PhaxioBodyReader"/>), then decides what it is, in the order the checks always had:
    /// an unreadable body first, then an API v1 send answer, <c>"success": false</c>, a list, and the single fax.
    /// </summary>
    /// <returns>The single fax's status, or <see langword="null"/> with <paramref name="list"/> for a list response.</returns>
    private static FaxJobStatus Read(ReadOnlySpan<byte> utf8Json, bool allowList, out FaxJobStatus[]? list)
    {
        var content = FaxJson.ContentOf(utf8Json, ProviderId);
        var body = default(PhaxioBody);
        try
        {
            var reader = new Utf8JsonReader(content, FaxJson.ReaderOptions);
            var budget = new FaxJsonBudget(ProviderId);
            reader.Read();
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                throw Protocol($"the body is {FaxPayloadLimits.Describe(reader.TokenType)}; expected {ExpectedShape}.");
            }

            PhaxioBodyReader.ReadRoot(ref reader, ref budget, ref body);
            return Decide(ref body, content, allowList, out list);
        }
        catch (Exception exception) when (FaxJson.IsReadFailure(exception))
        {
            throw ReadFailure(exception, content);
        }
        finally
        {
            body.Root.Recipients.Release();
            body.ReleaseList();
        }
    }

    private static FaxJobStatus Decide(ref PhaxioBody body, ReadOnlySpan<byte> content, bool allowList, out FaxJobStatus[]? list)
    {
        list = null;
        if (body.Root.HasFaxId || (body.DataKind == JsonTokenType.StartObject && body.DataHasFaxId))
        {
            throw V1("a v1 send answer (\"faxId\")");
        }

        if (body.Success == false)
        {
            var text = body.HasMessage ? body.Message ?? Encoding.ASCII.GetString(content[body.MessageRange]) : null;
            var message = string.IsNullOrWhiteSpace(text) ? "no message" : Bounded(text, 512);
            throw new FaxSdkException(ProviderId, $"{ProviderId}: the response says success=false: {message}");
        }

        if (body.DataKind == JsonTokenType.StartArray)
        {
            if (!allowList)
            {
                throw Protocol(string.Create(CultureInfo.InvariantCulture,
                    $"the response is a fax list (\"data\" is an array of {body.ListLength} fax(es)), not a single fax: read it with PhaxioStatusParser.Parse."));
            }

            list = body.ListError is { } error ? throw error : body.List.AsSpan(0, body.ListLength).ToArray();
            return null!;
        }

        var isEnvelope = body.Success is not null || body.HasMessage || body.DataKind != JsonTokenType.None || body.HasPaging;
        if (!isEnvelope)
        {
            var root = body.Root;
            if (root.Id is null && root.Status is null && !root.Recipients.IsPresent && !root.HasDirection)
            {
                throw Protocol($"the object has none of the fields of {ExpectedShape}.");
            }

            var status = PhaxioMapping.ToStatus(ref body.Root, -1, out var refusal);
            return status ?? throw refusal!;
        }

        return body.DataKind switch
        {
            JsonTokenType.None => throw Protocol("the response has no fax object in \"data\"."),
            JsonTokenType.StartObject => body.DataFax ?? throw body.DataError!,
            var kind => throw Protocol($"\"data\" is {FaxPayloadLimits.Describe(kind)}; expected a fax object or a list of them."),
        };
    }

    /// <summary>The exception for a body that cannot be read, naming the member and the shape expected unless the body is truncated.</summary>
    private static FaxProtocolException ReadFailure(Exception exception, ReadOnlySpan<byte> content) =>
        FaxJson.ReadFailure(exception, content, ProviderId, ExpectedShape);

    internal static FaxProtocolException V1(string what) =>
        Protocol($"the body is {what}: Phaxio API v1 is not supported; FaxSdk reads API v2.1 (https://api.phaxio.com/v2.1/).");

    internal static FaxProtocolException Protocol(string message) => new(ProviderId, $"{ProviderId}: {message}");

    /// <summary>A value for a message: cut to <paramref name="max"/> characters (then <c>…</c>), control characters as spaces.</summary>
    internal static string Bounded(string text, int max)
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
