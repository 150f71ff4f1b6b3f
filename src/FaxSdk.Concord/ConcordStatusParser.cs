using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using FaxSdk.Concord.Dto;
using FaxSdk.Transport;

namespace FaxSdk.Concord;

/// <summary>Reads Concord <c>GetFaxStatus</c> responses, JSON (<c>GetFaxStatusResponse</c>) or SOAP 1.2 (<c>FaxStatusResponse</c>).</summary>
/// <remarks>
/// One Concord job id is one recipient, so statuses carry no recipient list. <c>FaxJobStatusId</c> 1/2/3 map to
/// succeeded/failed/in progress; an unknown id (-5019) gives <see cref="FaxJobState.Unknown"/>, never an exception.
/// Concord reports failure reasons as text only, so a failed job's error has category
/// <see cref="FaxFailureCategory.Unknown"/> with the code and text kept.
/// </remarks>
public static class ConcordStatusParser
{
    /// <summary>The provider id, <c>concord</c>.</summary>
    public const string ProviderId = "concord";

    /// <summary>The Concord code for an invalid (unknown) job id.</summary>
    public const int InvalidJobIdCode = -5019;

    /// <summary>Reads a response in either transport.</summary>
    /// <param name="body">The body.</param>
    /// <returns>One status per item, in the response's order.</returns>
    /// <exception cref="ConcordServiceException">The response says <c>return: false</c>.</exception>
    /// <exception cref="FaxProtocolException">The body is unreadable.</exception>
    public static IReadOnlyList<FaxJobStatus> Parse(ReadOnlySpan<byte> body)
    {
        var response = IsXml(body) ? ReadSoap(body) : ReadJson(body);
        if (response.Return != true)
        {
            var error = response.WSError;
            throw new ConcordServiceException(error?.ErrorCode ?? 0, error?.ErrorString ?? (response.Return is null ? "the response has no \"return\" value" : "no error text"));
        }

        return [.. (response.FaxStatusList ?? []).Select(ToStatus)];
    }

    private static bool IsXml(ReadOnlySpan<byte> body)
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

    private static bool IsHtml(ReadOnlySpan<byte> body)
    {
        var start = body.IndexOf((byte)'<');
        var head = body[(start < 0 ? 0 : start)..];
        head = head[..Math.Min(head.Length, 64)];
        return head.StartsWith("<!DOCTYPE html"u8) || head.StartsWith("<!doctype html"u8) || head.StartsWith("<html"u8) || head.StartsWith("<HTML"u8);
    }

    private static ConcordStatusResponseDto ReadJson(ReadOnlySpan<byte> body)
    {
        var envelope = FaxJson.Deserialize(body, ConcordJsonContext.Default.ConcordJsonResponse, ProviderId);
        return envelope.GetFaxStatusResponse
            ?? throw new FaxProtocolException(ProviderId, $"{ProviderId}: the JSON has no \"GetFaxStatusResponse\".");
    }

    private static ConcordStatusResponseDto ReadSoap(ReadOnlySpan<byte> body)
    {
        if (IsHtml(body))
        {
            // An error page from a proxy or the web server, whichever transport was asked for.
            throw new FaxProtocolException(ProviderId, $"{ProviderId}: the response is an HTML page instead of a GetFaxStatus response (JSON or SOAP).");
        }

        XDocument document;
        try
        {
            using var stream = new MemoryStream(body.ToArray(), writable: false);
            using var reader = XmlReader.Create(stream, new XmlReaderSettings
            {
                DtdProcessing = DtdProcessing.Prohibit,
                XmlResolver = null,
                MaxCharactersFromEntities = 0,
                IgnoreComments = true,
            });
            document = XDocument.Load(reader);
        }
        catch (XmlException exception)
        {
            throw new FaxProtocolException(ProviderId, $"{ProviderId}: the SOAP response is not well-formed XML (line {exception.LineNumber}, position {exception.LinePosition}).", exception);
        }

        var response = document.Descendants().FirstOrDefault(e => e.Name.LocalName is "FaxStatusResponse" or "GetFaxStatusResponse");
        if (response is null)
        {
            var fault = document.Descendants().FirstOrDefault(e => e.Name.LocalName == "Fault");
            throw new FaxProtocolException(ProviderId, fault is null
                ? $"{ProviderId}: the SOAP response has no FaxStatusResponse."
                : $"{ProviderId}: the service answered with a SOAP fault: {Text(fault.Descendants().FirstOrDefault(e => e.Name.LocalName is "Text" or "faultstring"))}");
        }

        return new ConcordStatusResponseDto
        {
            Return = Child(response, "return") is { } r ? bool.TryParse(r.Value.Trim(), out var ok) ? ok : throw Malformed("return") : null,
            WSError = ReadError(Child(response, "WSError")),
            FaxStatusList = Child(response, "FaxStatusList")?.Elements().Where(e => e.Name.LocalName == "item").Select(item => new ConcordFaxStatusDto
            {
                FaxJobId = Text(Child(item, "FaxJobId")),
                FaxJobStatusId = Int(Child(item, "FaxJobStatusId"), "FaxJobStatusId"),
                StatusDescription = Text(Child(item, "StatusDescription")),
                Error = ReadError(Child(item, "Error")),
            }).ToList(),
        };
    }

    private static ConcordErrorDto? ReadError(XElement? element) => element is null
        ? null
        : new ConcordErrorDto { ErrorCode = Int(Child(element, "ErrorCode"), "ErrorCode") ?? 0, ErrorString = Text(Child(element, "ErrorString")) };

    private static XElement? Child(XElement parent, string localName) => parent.Elements().FirstOrDefault(e => e.Name.LocalName == localName);

    private static string? Text(XElement? element) => element?.Value;

    private static int? Int(XElement? element, string name) =>
        element is null || string.IsNullOrWhiteSpace(element.Value)
            ? null
            : int.TryParse(element.Value.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) ? value : throw Malformed(name);

    private static FaxProtocolException Malformed(string name) => new(ProviderId, $"{ProviderId}: the SOAP element {name} does not hold a valid value.");

    private static FaxJobStatus ToStatus(ConcordFaxStatusDto item)
    {
        var jobId = string.IsNullOrEmpty(item.FaxJobId) ? throw new FaxProtocolException(ProviderId, $"{ProviderId}: a FaxStatus item has no FaxJobId.") : item.FaxJobId;
        var errorCode = item.Error?.ErrorCode ?? 0;
        var unknownId = item.FaxJobStatusId == InvalidJobIdCode || errorCode == InvalidJobIdCode;
        var state = unknownId || item.FaxJobStatusId is not { } id ? FaxJobState.Unknown : ConcordFaxJobStatusMap.FromCode(id).ToCanonical();
        FaxError? error = errorCode != 0 || (state == FaxJobState.Failed && !string.IsNullOrEmpty(item.Error?.ErrorString))
            ? new FaxError(FaxFailureCategory.Unknown, errorCode.ToString(CultureInfo.InvariantCulture), item.Error?.ErrorString)
            : null;
        return FaxOutcomeRule.Apply(new FaxJobStatus
        {
            Provider = ProviderId,
            JobId = jobId,
            State = state,
            ProviderStatus = item.FaxJobStatusId?.ToString(CultureInfo.InvariantCulture),
            Detail = unknownId ? $"Concord does not know this job id ({InvalidJobIdCode})." : item.StatusDescription,
            Error = error,
        });
    }
}
