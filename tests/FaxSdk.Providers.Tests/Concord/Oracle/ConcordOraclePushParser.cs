using System.Globalization;
using System.Xml;
using FaxSdk.Concord;

namespace FaxSdk.Providers.Tests.Concord.Oracle;

/// <summary>
/// THE ORACLE: the DTO-based push parser that <see cref="ConcordPushParser"/> replaced, kept unchanged as the reference.
/// Reads Concord's push notification (Outbound Fax Delivery, "Push Notification Interface") in its two documented
/// flavours: the HTTP POST form (<see cref="ParseForm"/>, <see cref="ParseUrlEncoded"/>; <c>multipart/form-data</c>
/// when the delivered image is attached, whose file parts are ignored) and the SOAP <c>FaxDeliveryNotification</c>
/// (<see cref="ParseSoap"/>).
/// </summary>
/// <remarks>
/// <para>One notification is one Concord job, and one Concord job is one recipient. <c>FaxJobStatusId</c> is read as
/// in <c>GetFaxStatus</c>: 1 succeeded, 2 failed, 3 in progress, any other value (such as -5019)
/// <see cref="FaxJobState.Unknown"/>. The one recipient carries the delivery time (UTC unless the text has an
/// offset; unreadable is <see langword="null"/>), the call duration in seconds and the remote CSID; a failure keeps
/// <c>ErrorCode</c> and <c>ErrorString</c> with the category <see cref="FaxFailureCategory.Unknown"/>.
/// <c>AccountId</c>, <c>ReferenceId</c> and <c>DeliveredImage</c> are not read.</para>
/// <para>Each status comes as an unsigned push (<see cref="FaxPushTrust.Unsigned"/>) with the delivery key
/// <c>concord:{FaxJobId}:{FaxJobStatusId}</c>.</para>
/// <para>Bounds: a form has at most <see cref="MaxFormFields"/> fields; the SOAP body is read forward-only with the
/// bounds of <see cref="ConcordStatusParser"/> (no DTD, no entities, <see cref="ConcordOracleStatusParser.MaxXmlDepth"/>
/// levels, <see cref="ConcordOracleStatusParser.MaxXmlCharacters"/> characters, text values of at most
/// <see cref="ConcordOracleStatusParser.MaxTextLength"/> characters; the image is skipped unread). A notification without
/// <c>FaxJobId</c>, with a <c>FaxJobStatusId</c> that is not a whole number, or with a job id that breaks
/// <see cref="FaxJobIds"/> is a <see cref="FaxProtocolException"/>.</para>
/// </remarks>
internal static class ConcordOraclePushParser
{
    /// <summary>The most fields a notification form may have: 256 (Concord's template has 11).</summary>
    public const int MaxFormFields = 256;

    private const string ProviderId = ConcordOracleStatusParser.ProviderId;

    /// <summary>Reads a decoded notification form (url-encoded or multipart; file parts are ignored).</summary>
    /// <param name="form">The decoded form.</param>
    /// <param name="instance">The receiving instance, for the pushed status's job reference.</param>
    /// <returns>The pushed status.</returns>
    /// <exception cref="FaxProtocolException">The form is not a notification (see remarks).</exception>
    /// <exception cref="ArgumentException"><paramref name="instance"/> is empty.</exception>
    public static FaxPushedStatus ParseForm(FaxWebhookForm form, string instance = FaxJobReference.DefaultInstance)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentException.ThrowIfNullOrWhiteSpace(instance);
        if (form.Fields.Count > MaxFormFields)
        {
            throw Protocol($"the form holds more than {MaxFormFields} fields; a notification has 11.");
        }

        var notification = new ConcordNotificationDto();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (name, value) in form.Fields)
        {
            // The first value of a repeated field counts, as FaxWebhookForm.GetField has it.
            if (name is not null && ConcordNotificationDto.IsField(name) && seen.Add(name))
            {
                notification.Set(name, value ?? string.Empty);
            }
        }

        return ToPush(notification, instance);
    }

    /// <summary>Reads an <c>application/x-www-form-urlencoded</c> notification body.</summary>
    /// <param name="body">The body (UTF-8).</param>
    /// <param name="instance">The receiving instance, for the pushed status's job reference.</param>
    /// <returns>The pushed status.</returns>
    /// <exception cref="FaxProtocolException">The body is not a notification (see remarks).</exception>
    /// <exception cref="ArgumentException"><paramref name="instance"/> is empty.</exception>
    public static FaxPushedStatus ParseUrlEncoded(ReadOnlySpan<byte> body, string instance = FaxJobReference.DefaultInstance)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(instance);
        return ParseForm(ConcordFormDecoder.Decode(body), instance);
    }

    /// <summary>Reads a SOAP <c>FaxDeliveryNotification</c> (namespace <c>C3FDNS</c>, found anywhere in the envelope).</summary>
    /// <param name="body">The body.</param>
    /// <param name="instance">The receiving instance, for the pushed status's job reference.</param>
    /// <param name="cancellationToken">Ends the reading.</param>
    /// <returns>The pushed status.</returns>
    /// <exception cref="FaxProtocolException">The body is not well-formed XML, has a DTD, is over a bound, an HTML page or a SOAP
    /// fault, holds no <c>FaxDeliveryNotification</c>, or the notification is not readable (see remarks).</exception>
    /// <exception cref="ArgumentException"><paramref name="instance"/> is empty.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static FaxPushedStatus ParseSoap(ReadOnlySpan<byte> body, string instance = FaxJobReference.DefaultInstance, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(instance);
        cancellationToken.ThrowIfCancellationRequested();
        if (ConcordOracleStatusParser.IsHtml(body))
        {
            throw Protocol("the body is an HTML page, not a delivery notification.");
        }

        if (body.IndexOf("<!DOCTYPE"u8) >= 0)
        {
            throw Protocol("the XML has a document type declaration (DTD), which is refused unread.");
        }

        ConcordNotificationDto? notification = null;
        try
        {
            using var reader = XmlReader.Create(new MemoryStream(body.ToArray(), writable: false), ConcordOracleStatusParser.XmlSettings);
            var xml = new SoapReader(reader, cancellationToken);
            while (notification is null && xml.Read())
            {
                if (reader.NodeType != XmlNodeType.Element)
                {
                    continue;
                }

                if (reader.LocalName == "FaxDeliveryNotification")
                {
                    notification = xml.ReadNotification();
                }
                else if (reader.LocalName == "Fault")
                {
                    throw Protocol("the body is a SOAP fault, not a delivery notification.");
                }
            }
        }
        catch (XmlException exception)
        {
            throw new FaxProtocolException(ProviderId, $"{ProviderId}: the notification is not well-formed XML (line {exception.LineNumber}, position {exception.LinePosition}).", exception);
        }

        return notification is null
            ? throw Protocol("the XML holds no FaxDeliveryNotification element (namespace C3FDNS).")
            : ToPush(notification, instance);
    }

    /// <summary>Reads a notification request in whichever flavour its content type (or, without one, its body) says.</summary>
    internal static FaxPushedStatus ParseRequest(FaxWebhookRequest request, string instance)
    {
        if (request.Form is { } form)
        {
            return ParseForm(form, instance);
        }

        var mediaType = request.ContentType?.Split(';', 2)[0].Trim().ToLowerInvariant();
        return mediaType switch
        {
            "multipart/form-data" => throw Protocol("the multipart notification was not decoded: pass its fields as FaxWebhookRequest.Form."),
            "text/xml" or "application/xml" or "application/soap+xml" => ParseSoap(request.Body.Span, instance),
            "application/x-www-form-urlencoded" => ParseUrlEncoded(request.Body.Span, instance),
            null or "" => ConcordOracleStatusParser.IsXml(request.Body.Span) ? ParseSoap(request.Body.Span, instance) : ParseUrlEncoded(request.Body.Span, instance),
            _ => throw Protocol($"the content type '{Bounded(mediaType)}' is neither a form nor SOAP (text/xml)."),
        };
    }

    private static FaxPushedStatus ToPush(ConcordNotificationDto notification, string instance)
    {
        var jobId = notification.FaxJobId?.Trim();
        if (string.IsNullOrEmpty(jobId))
        {
            throw Protocol("the notification has no FaxJobId.");
        }

        if (!FaxJobIds.IsValid(jobId))
        {
            throw Protocol($"the notification names job {Bounded(jobId)}, which is not a valid job id.");
        }

        var statusText = notification.FaxJobStatusId?.Trim() ?? string.Empty;
        int? statusId = statusText.Length == 0
            ? null
            : int.TryParse(statusText, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var id) ? id : throw Protocol("FaxJobStatusId does not hold a whole number.");
        var completed = statusId is 1 or 2;
        var status = ConcordOracleStatusParser.ToStatus(new ConcordFaxStatusDto
        {
            FaxJobId = jobId,
            FaxJobStatusId = statusId,
            StatusDescription = Blank(notification.StatusDescription),
            Error = new ConcordErrorDto { ErrorCode = Int(notification.ErrorCode) ?? 0, ErrorString = Blank(notification.ErrorString) },

            // The page count of a completed job (a push with status 3 would read as "page 0 of N").
            RecipientTotalPageCount = completed ? Int(notification.PageCount) : null,
            FaxDeliveryDateTime = notification.FaxDeliveryDateTime?.Trim() ?? string.Empty,
            FaxDeliveryDuration = Int(notification.FaxDeliveryDuration),
            RemoteFaxCSID = Blank(notification.RemoteFaxCSID),
        });
        return new FaxPushedStatus
        {
            Job = new FaxJobReference(ProviderId, jobId, instance),
            Status = status,
            Trust = FaxPushTrust.Unsigned,
            DeliveryKey = $"{ProviderId}:{jobId}:{statusText}",
        };
    }

    /// <summary>A whole number, or <see langword="null"/> when blank or not one (the template's formats are not documented).</summary>
    private static int? Int(string? text) =>
        int.TryParse(text?.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) ? value : null;

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static FaxProtocolException Protocol(string message) => new(ProviderId, $"{ProviderId}: {message}");

    private static string Bounded(string text)
    {
        var cut = text.Length > 128 ? text[..128] + "…" : text;
        return new string([.. cut.Select(c => char.IsControl(c) ? ' ' : c)]);
    }
}
