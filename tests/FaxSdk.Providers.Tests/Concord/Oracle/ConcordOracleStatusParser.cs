using System.Globalization;
using System.Xml;
using FaxSdk.Concord;
using FaxSdk.Transport;

namespace FaxSdk.Providers.Tests.Concord.Oracle;

/// <summary>
/// THE ORACLE: the DTO-based parser that <see cref="ConcordStatusParser"/> replaced (System.Text.Json into DTOs, SOAP into
/// the same DTOs, then mapped), kept unchanged as the reference the single-pass parser must agree with.
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
/// <para>Bounds: SOAP is read as a stream (no DTD, no entities, no tree), at most <see cref="MaxXmlDepth"/> levels deep
/// and <see cref="MaxXmlCharacters"/> characters; at most <see cref="MaxStatuses"/> items per answer; text values of at
/// most <see cref="MaxTextLength"/> characters. <see langword="null"/> items in a JSON list are skipped (the provider
/// reports their jobs as missing from the answer). Reading stops at the token's cancellation.</para>
/// </remarks>
internal static class ConcordOracleStatusParser
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
        if (answer.Simple is not null)
        {
            throw new FaxProtocolException(ProviderId, $"{ProviderId}: the body is a SimpleGetFaxStatus answer, which names no job: read it with ParseSimple(body, jobId).");
        }

        var response = answer.List!;
        if (response.Return != true)
        {
            var error = response.WSError;
            throw new ConcordServiceException(error?.ErrorCode ?? 0, error?.ErrorString ?? (response.Return is null ? "the response has no \"return\" value" : "no error text"));
        }

        var items = response.FaxStatusList ?? [];
        var statuses = new List<FaxJobStatus>(items.Count);
        foreach (var item in items)
        {
            if (item is not null)
            {
                statuses.Add(ToStatus(item));
            }
        }

        return statuses;
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
        if (answer.Simple is null)
        {
            throw new FaxProtocolException(ProviderId, $"{ProviderId}: the body is not a SimpleGetFaxStatus answer.");
        }

        var value = answer.Simple.Return ?? throw new FaxProtocolException(ProviderId, $"{ProviderId}: the SimpleGetFaxStatus answer has no \"return\" value.");
        var id = value is >= int.MinValue and <= int.MaxValue ? (int)value : 0;
        return ToStatus(new ConcordFaxStatusDto { FaxJobId = jobId, FaxJobStatusId = id }, value.ToString(CultureInfo.InvariantCulture));
    }

    private sealed record Answer(ConcordStatusResponseDto? List, ConcordSimpleResponseDto? Simple);

    private static Answer Read(ReadOnlySpan<byte> body, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return IsXml(body) ? ReadSoap(body, cancellationToken) : ReadJson(body);
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

    private static Answer ReadJson(ReadOnlySpan<byte> body)
    {
        ConcordJsonResponse envelope;
        try
        {
            envelope = FaxJson.Deserialize(body, ConcordOracleJsonContext.Default.ConcordJsonResponse, ProviderId);
        }
        catch (FaxProtocolException exception) when (exception.InnerException is ConcordTooManyStatusesException)
        {
            throw TooManyStatuses();
        }

        if (envelope.ListResponse is { } list)
        {
            return new Answer(list, null);
        }

        return envelope.SimpleGetFaxStatusResponse is { } simple
            ? new Answer(null, simple)
            : throw new FaxProtocolException(ProviderId, $"{ProviderId}: the JSON is not a Concord status answer: expected an object with \"GetFaxStatusResponse\" (or \"GetRealTimeFaxStatus…Response\", \"SimpleGetFaxStatusResponse\").");
    }

    private static FaxProtocolException TooManyStatuses() =>
        new(ProviderId, $"{ProviderId}: the answer holds more than {MaxStatuses} status items.");

    private static Answer ReadSoap(ReadOnlySpan<byte> body, CancellationToken cancellationToken)
    {
        if (IsHtml(body))
        {
            // An error page from a proxy or the web server, whichever transport was asked for.
            throw new FaxProtocolException(ProviderId, $"{ProviderId}: the response is an HTML page instead of a Concord status answer (JSON or SOAP).");
        }

        try
        {
            using var reader = XmlReader.Create(new MemoryStream(body.ToArray(), writable: false), XmlSettings);
            var xml = new SoapReader(reader, cancellationToken);
            while (xml.Read())
            {
                if (reader.NodeType != XmlNodeType.Element)
                {
                    continue;
                }

                var name = reader.LocalName;
                if (IsListResponse(name))
                {
                    return new Answer(xml.ReadListResponse(), null);
                }

                if (name.Equals("SimpleGetFaxStatusResponse", StringComparison.OrdinalIgnoreCase))
                {
                    return new Answer(null, xml.ReadSimpleResponse());
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

    /// <summary>The canonical status of one status item (shared by the answers and the push notification).</summary>
    internal static FaxJobStatus ToStatus(ConcordFaxStatusDto item) => ToStatus(item, item.FaxJobStatusId?.ToString(CultureInfo.InvariantCulture));

    private static FaxJobStatus ToStatus(ConcordFaxStatusDto item, string? providerStatus)
    {
        var jobId = string.IsNullOrEmpty(item.FaxJobId) ? throw new FaxProtocolException(ProviderId, $"{ProviderId}: a FaxStatus item has no FaxJobId.") : item.FaxJobId;
        var errorCode = item.Error?.ErrorCode ?? 0;
        var unknownId = item.FaxJobStatusId == InvalidJobIdCode || errorCode == InvalidJobIdCode;
        var state = unknownId || item.FaxJobStatusId is not { } id ? FaxJobState.Unknown : ConcordFaxJobStatusMap.FromCode(id).ToCanonical();
        FaxError? error = errorCode != 0 || (state == FaxJobState.Failed && !string.IsNullOrEmpty(item.Error?.ErrorString))
            ? new FaxError(FaxFailureCategory.Unknown, errorCode.ToString(CultureInfo.InvariantCulture), item.Error?.ErrorString)
            : null;
        var detail = unknownId ? $"Concord does not know this job id ({InvalidJobIdCode})." : item.StatusDescription;
        IReadOnlyList<FaxRecipientStatus> recipients = [];
        DateTimeOffset? completedAt = null;
        int? pages = null;
        if (item.IsRealTime && !unknownId)
        {
            var delivered = FaxTimestamps.Parse(item.FaxDeliveryDateTime);
            var recipientState = state switch
            {
                FaxJobState.Succeeded => FaxRecipientState.Succeeded,
                FaxJobState.Failed => FaxRecipientState.Failed,
                FaxJobState.InProgress => item.RecipientCurrentPageCount > 0 ? FaxRecipientState.Transmitting : FaxRecipientState.Pending,
                _ => FaxRecipientState.Unknown,
            };
            completedAt = recipientState.IsTerminal() ? delivered : null;
            pages = item.RecipientTotalPageCount > 0 ? item.RecipientTotalPageCount : null;
            if (state == FaxJobState.InProgress && item.RecipientTotalPageCount > 0)
            {
                detail = string.Create(CultureInfo.InvariantCulture, $"{detail} (page {Math.Max(0, item.RecipientCurrentPageCount ?? 0)} of {item.RecipientTotalPageCount})").TrimStart();
            }

            recipients =
            [
                new FaxRecipientStatus
                {
                    FaxNumber = string.Empty,
                    State = recipientState,
                    ProviderStatus = item.RecipientState?.ToString(CultureInfo.InvariantCulture),
                    CompletedAt = completedAt,
                    CallDuration = item.FaxDeliveryDuration > 0 ? TimeSpan.FromSeconds(item.FaxDeliveryDuration.Value) : null,
                    RemoteCsid = string.IsNullOrWhiteSpace(item.RemoteFaxCSID) ? null : item.RemoteFaxCSID.Trim(),
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
