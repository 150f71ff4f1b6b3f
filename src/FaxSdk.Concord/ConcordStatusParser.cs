using System.Globalization;
using System.Xml;
using FaxSdk.Transport;

namespace FaxSdk.Concord;

/// <summary>
/// Reads Concord status answers, JSON or SOAP 1.2: <c>GetFaxStatus</c>, <c>GetRealTimeFaxStatus</c>,
/// <c>GetRealTimeFaxStatusEx</c>/<c>Ex2</c>/<c>Ex3</c> (<see cref="Parse(ReadOnlySpan{byte}, CancellationToken)"/>) and
/// <c>SimpleGetFaxStatus</c> (<see cref="ParseSimple"/>).
/// </summary>
/// <remarks>
/// <para>One Concord job id is one recipient. <c>FaxJobStatusId</c> 1/2/3 map to succeeded/failed/in progress; an
/// unknown id (-5019) gives <see cref="FaxJobState.Unknown"/>, never an exception. Concord reports failure reasons as
/// text only, so a failed job's error has category <see cref="FaxFailureCategory.Unknown"/> with the code and text kept.</para>
/// <para>The real-time answers carry one recipient (Concord does not echo its fax number, so
/// <see cref="FaxRecipientStatus.FaxNumber"/> is empty) with the page progress, and once delivered the delivery time
/// (<see cref="FaxRecipientStatus.CompletedAt"/>, UTC unless the text carries an offset), the call duration and the
/// remote CSID. <c>RecipientState</c> is undocumented: it is kept as the recipient's provider status.</para>
/// <para>Both transports are read once, forward-only, straight into the statuses (no DTOs, no document tree): JSON with
/// a <see cref="System.Text.Json.Utf8JsonReader"/> (member names without regard to case), SOAP with an
/// <see cref="XmlReader"/>. Members may come in any order; a repeated member keeps its last value.</para>
/// <para>Bounds: SOAP is read as a stream (no DTD, no entities), at most <see cref="MaxXmlDepth"/> levels deep
/// and <see cref="MaxXmlCharacters"/> characters; JSON at most 32 levels deep, within <see cref="FaxPayloadLimits"/>
/// (counted inline, skipped members included); at most <see cref="MaxStatuses"/> items per answer; text values of at
/// most <see cref="MaxTextLength"/> characters. <see langword="null"/> items in a JSON list are skipped (the provider
/// reports their jobs as missing from the answer). Reading stops at the token's cancellation.</para>
/// </remarks>
public static class ConcordStatusParser
{
    /// <summary>The provider id, <c>concord</c>.</summary>
    public const string ProviderId = "concord";

    /// <summary>The Concord code for an invalid (unknown) job id.</summary>
    public const int InvalidJobIdCode = -5019;

    /// <summary>The most status items one answer may hold: 10,000 (the provider asks for at most <see cref="ConcordOptions.MaxBatchSize"/> per call).</summary>
    public const int MaxStatuses = FaxPayloadLimits.MaxArrayLength;

    /// <summary>The deepest element nesting a SOAP answer may have: 32 levels (real answers have 7).</summary>
    public const int MaxXmlDepth = 32;

    /// <summary>The most characters a SOAP answer may hold: 16 Mi.</summary>
    public const long MaxXmlCharacters = 16L * 1024 * 1024;

    /// <summary>The longest text value (job id, description, error text) read from a SOAP answer: 64 Ki characters.</summary>
    public const int MaxTextLength = 64 * 1024;

    // The detail of an unknown job id (a constant: InvalidJobIdCode is -5019).
    private const string UnknownIdDetail = "Concord does not know this job id (-5019).";

    /// <summary>The bounded XML settings every Concord SOAP body is read with (no DTD, no entities, size cap).</summary>
    internal static readonly XmlReaderSettings XmlSettings = FaxXmlElementReader.CreateSettings(MaxXmlCharacters);

    /// <summary>Reads a list answer in either transport.</summary>
    /// <param name="body">The body.</param>
    /// <returns>One status per item, in the response's order.</returns>
    /// <exception cref="ConcordServiceException">The response says <c>return: false</c>.</exception>
    /// <exception cref="FaxProtocolException">The body is unreadable, over a bound, or a <c>SimpleGetFaxStatus</c> answer (read those with <see cref="ParseSimple"/>).</exception>
    public static IReadOnlyList<FaxJobStatus> Parse(ReadOnlySpan<byte> body) => Parse(body, CancellationToken.None);

    /// <summary>Reads a list answer in either transport, stopping when <paramref name="cancellationToken"/> is cancelled.</summary>
    /// <param name="body">The body.</param>
    /// <param name="cancellationToken">Ends the reading (a call's deadline).</param>
    /// <returns>One status per item, in the response's order.</returns>
    /// <exception cref="ConcordServiceException">The response says <c>return: false</c>.</exception>
    /// <exception cref="FaxProtocolException">The body is unreadable, over a bound, or a <c>SimpleGetFaxStatus</c> answer (read those with <see cref="ParseSimple"/>).</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static IReadOnlyList<FaxJobStatus> Parse(ReadOnlySpan<byte> body, CancellationToken cancellationToken)
    {
        var answer = Read(body, cancellationToken);
        return answer.IsSimple
            ? throw new FaxProtocolException(ProviderId, $"{ProviderId}: the body is a SimpleGetFaxStatus answer, which names no job: read it with ParseSimple(body, jobId).")
            : answer.List.ToStatuses();
    }

    /// <summary>Reads a <c>SimpleGetFaxStatus</c> answer (JSON or SOAP), whose <c>return</c> is the status id of the one job asked for.</summary>
    /// <param name="body">The body.</param>
    /// <param name="jobId">The job id that was asked for (the answer does not repeat it).</param>
    /// <param name="cancellationToken">Ends the reading.</param>
    /// <returns>The status: 1 succeeded, 2 failed, 3 in progress, -5019 (or any other value) unknown.</returns>
    /// <exception cref="FaxProtocolException">The body is unreadable, is not a <c>SimpleGetFaxStatus</c> answer, or has no <c>return</c>.</exception>
    /// <exception cref="FaxInvalidJobIdException"><paramref name="jobId"/> is not a valid job id.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static FaxJobStatus ParseSimple(ReadOnlySpan<byte> body, string jobId, CancellationToken cancellationToken = default)
    {
        FaxJobIds.Validate(jobId, nameof(jobId));
        var answer = Read(body, cancellationToken);
        if (!answer.IsSimple)
        {
            answer.List.Release();
            throw new FaxProtocolException(ProviderId, $"{ProviderId}: the body is not a SimpleGetFaxStatus answer.");
        }

        var value = answer.SimpleReturn ?? throw new FaxProtocolException(ProviderId, $"{ProviderId}: the SimpleGetFaxStatus answer has no \"return\" value.");
        var item = new ConcordStatusFields { JobId = jobId, StatusId = value is >= int.MinValue and <= int.MaxValue ? (int)value : 0 };
        return ToStatus(in item, value.ToString(CultureInfo.InvariantCulture));
    }

    private static ConcordAnswer Read(ReadOnlySpan<byte> body, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return IsXml(body) ? ReadSoap(body, cancellationToken) : ConcordJsonReader.Read(body);
    }

    internal static bool IsXml(ReadOnlySpan<byte> body)
    {
        foreach (var b in body)
        {
            if (b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n' or 0xEF or 0xBB or 0xBF)
            {
                continue;
            }

            return b == (byte)'<';
        }

        return false;
    }

    internal static bool IsHtml(ReadOnlySpan<byte> body)
    {
        var start = body.IndexOf((byte)'<');
        var head = body[(start < 0 ? 0 : start)..];
        head = head[..Math.Min(head.Length, 64)];
        return head.StartsWith("<!DOCTYPE html"u8) || head.StartsWith("<!doctype html"u8) || head.StartsWith("<html"u8) || head.StartsWith("<HTML"u8);
    }

    internal static FaxProtocolException TooManyStatuses() =>
        new(ProviderId, $"{ProviderId}: the answer holds more than {MaxStatuses} status items.");

    private static ConcordAnswer ReadSoap(ReadOnlySpan<byte> body, CancellationToken cancellationToken)
    {
        if (IsHtml(body))
        {
            // An error page from a proxy or the web server, whichever transport was asked for.
            throw new FaxProtocolException(ProviderId, $"{ProviderId}: the response is an HTML page instead of a Concord status answer (JSON or SOAP).");
        }

        try
        {
            using var reader = XmlReader.Create(new MemoryStream(body.ToArray(), writable: false), XmlSettings);
            var xml = new ConcordSoapReader(reader, cancellationToken);
            while (xml.Read())
            {
                if (reader.NodeType != XmlNodeType.Element)
                {
                    continue;
                }

                var name = reader.LocalName;
                if (IsListResponse(name))
                {
                    var answer = default(ConcordAnswer);
                    try
                    {
                        xml.ReadListResponse(ref answer.List);
                    }
                    catch
                    {
                        answer.List.Release();
                        throw;
                    }

                    return answer;
                }

                if (name.Equals("SimpleGetFaxStatusResponse", StringComparison.OrdinalIgnoreCase))
                {
                    return new ConcordAnswer { IsSimple = true, SimpleReturn = xml.ReadSimpleResponse() };
                }

                if (name == "Fault")
                {
                    throw new FaxProtocolException(ProviderId, $"{ProviderId}: the service answered with a SOAP fault: {xml.ReadFaultText()}");
                }
            }

            throw new FaxProtocolException(ProviderId, $"{ProviderId}: the SOAP response has no FaxStatusResponse (nor RealTimeFaxStatus…Response, SimpleGetFaxStatusResponse).");
        }
        catch (XmlException exception)
        {
            throw new FaxProtocolException(ProviderId, $"{ProviderId}: the SOAP response is not well-formed XML (line {exception.LineNumber}, position {exception.LinePosition}).", exception);
        }
    }

    private static bool IsListResponse(string name) =>
        name is "FaxStatusResponse" or "GetFaxStatusResponse"
        || (name.EndsWith("Response", StringComparison.Ordinal) && (name.StartsWith("RealTimeFaxStatus", StringComparison.OrdinalIgnoreCase) || name.StartsWith("GetRealTimeFaxStatus", StringComparison.OrdinalIgnoreCase)));

    internal static FaxProtocolException Malformed(string name) => new(ProviderId, $"{ProviderId}: the SOAP element {name} does not hold a valid value.");

    /// <summary>
    /// A failure's error: <paramref name="previous"/> when it has the same code and text (a <see cref="FaxError"/> is
    /// immutable, so the statuses of one answer that failed alike share it), otherwise a new one.
    /// </summary>
    private static FaxError ErrorOf(int code, string? text, FaxError? previous)
    {
        Span<char> digits = stackalloc char[11];
        code.TryFormat(digits, out var length, default, CultureInfo.InvariantCulture);
        return previous is not null && previous.Category == FaxFailureCategory.Unknown && previous.Message == text && previous.Code.AsSpan().SequenceEqual(digits[..length])
            ? previous
            : new FaxError(FaxFailureCategory.Unknown, new string(digits[..length]), text);
    }

    /// <summary>
    /// The provider status of a <c>FaxJobStatusId</c>: for a known code the generated wire spelling, which is the code's
    /// invariant decimal text, returned as the constant <see cref="ConcordFaxJobStatusMap.ToWire"/> holds (no string is
    /// made); for any other code its invariant text.
    /// </summary>
    internal static string ProviderStatusOf(int code) =>
        ConcordFaxJobStatusMap.TryFromCode(code, out var known) ? known.ToWire() : code.ToString(CultureInfo.InvariantCulture);

    /// <summary>The canonical status of one status item (shared by the answers and the push notification).</summary>
    /// <param name="item">The item's fields.</param>
    /// <param name="previousError">The error of the answer's previous status, reused when this item's error is the same.</param>
    internal static FaxJobStatus ToStatus(in ConcordStatusFields item, FaxError? previousError = null) =>
        ToStatus(in item, item.StatusId is { } code ? ProviderStatusOf(code) : null, previousError);

    /// <summary>The canonical status of one status item with the given provider status.</summary>
    internal static FaxJobStatus ToStatus(in ConcordStatusFields item, string? providerStatus, FaxError? previousError = null)
    {
        var jobId = string.IsNullOrEmpty(item.JobId) ? throw new FaxProtocolException(ProviderId, $"{ProviderId}: a FaxStatus item has no FaxJobId.") : item.JobId;
        var errorCode = item.ErrorCode;
        var unknownId = item.StatusId == InvalidJobIdCode || errorCode == InvalidJobIdCode;
        var state = unknownId || item.StatusId is not { } id ? FaxJobState.Unknown : ConcordFaxJobStatusMap.FromCode(id).ToCanonical();
        FaxError? error = errorCode != 0 || (state == FaxJobState.Failed && !string.IsNullOrEmpty(item.ErrorText))
            ? ErrorOf(errorCode, item.ErrorText, previousError)
            : null;
        var detail = unknownId ? UnknownIdDetail : item.Description;
        IReadOnlyList<FaxRecipientStatus> recipients = [];
        DateTimeOffset? completedAt = null;
        int? pages = null;
        if (item.IsRealTime && !unknownId)
        {
            var recipientState = state switch
            {
                FaxJobState.Succeeded => FaxRecipientState.Succeeded,
                FaxJobState.Failed => FaxRecipientState.Failed,
                FaxJobState.InProgress => item.CurrentPages > 0 ? FaxRecipientState.Transmitting : FaxRecipientState.Pending,
                _ => FaxRecipientState.Unknown,
            };
            completedAt = recipientState.IsTerminal() ? item.DeliveredAt : null;
            pages = item.TotalPages > 0 ? item.TotalPages : null;
            if (state == FaxJobState.InProgress && item.TotalPages > 0)
            {
                detail = string.Create(CultureInfo.InvariantCulture, $"{detail} (page {Math.Max(0, item.CurrentPages ?? 0)} of {item.TotalPages})").TrimStart();
            }

            recipients =
            [
                new FaxRecipientStatus
                {
                    FaxNumber = string.Empty,
                    State = recipientState,
                    ProviderStatus = item.RecipientState?.ToString(CultureInfo.InvariantCulture),
                    CompletedAt = completedAt,
                    CallDuration = item.Duration > 0 ? TimeSpan.FromSeconds(item.Duration.Value) : null,
                    RemoteCsid = item.RemoteCsid,
                    Error = recipientState == FaxRecipientState.Failed ? error : null,
                },
            ];
        }

        return FaxOutcomeRule.Apply(new FaxJobStatus
        {
            Provider = ProviderId,
            JobId = jobId,
            State = state,
            ProviderStatus = providerStatus,
            Detail = detail,
            Pages = pages,
            CompletedAt = completedAt,
            Error = error,
            Recipients = recipients,
        });
    }
}
