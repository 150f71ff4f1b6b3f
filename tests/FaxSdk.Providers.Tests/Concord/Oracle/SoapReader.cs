using System.Globalization;
using System.Xml;
using FaxSdk.Transport;

namespace FaxSdk.Providers.Tests.Concord.Oracle;

/// <summary>
/// A forward-only reader of Concord SOAP answers over an <see cref="XmlReader"/>: no tree is built, every step checks
/// the depth bound and, every 256 nodes, the cancellation token (<see cref="FaxXmlElementReader"/>).
/// </summary>
internal sealed class SoapReader(XmlReader reader, CancellationToken cancellationToken)
{
    private readonly FaxXmlElementReader _xml = new(reader, ConcordOracleStatusParser.ProviderId, ConcordOracleStatusParser.MaxXmlDepth, ConcordOracleStatusParser.MaxTextLength, cancellationToken);

    /// <summary>Reads the next node; <see langword="false"/> at the end.</summary>
    public bool Read() => _xml.Read();

    private void Children(Action<string> child) => _xml.ReadChildren(child);

    private void Skip() => _xml.Skip();

    private string Text(string name) => _xml.ReadText(name);

    private int? Int(string name)
    {
        var text = Text(name).Trim();
        return text.Length == 0
            ? null
            : int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) ? value : throw ConcordOracleStatusParser.Malformed(name);
    }

    /// <summary>Reads a list answer (the reader is on its start tag).</summary>
    public ConcordStatusResponseDto ReadListResponse()
    {
        var response = new ConcordStatusResponseDto();
        Children(name =>
        {
            switch (name)
            {
                case "return":
                    var text = Text(name).Trim();
                    response.Return = text.Length == 0 ? null : bool.TryParse(text, out var ok) ? ok : text == "1" || (text == "0" ? false : throw ConcordOracleStatusParser.Malformed(name));
                    break;
                case "WSError":
                    response.WSError = ReadError();
                    break;
                case "FaxStatusList":
                    var items = new List<ConcordFaxStatusDto?>();
                    Children(_ =>
                    {
                        if (items.Count == ConcordOracleStatusParser.MaxStatuses)
                        {
                            throw new FaxProtocolException(ConcordOracleStatusParser.ProviderId, $"{ConcordOracleStatusParser.ProviderId}: the answer holds more than {ConcordOracleStatusParser.MaxStatuses} status items.");
                        }

                        items.Add(ReadItem());
                    });
                    response.FaxStatusList = items;
                    break;
                default:
                    Skip();
                    break;
            }
        });
        return response;
    }

    /// <summary>Reads a <c>SimpleGetFaxStatusResponse</c> (the reader is on its start tag).</summary>
    public ConcordSimpleResponseDto ReadSimpleResponse()
    {
        var response = new ConcordSimpleResponseDto();
        Children(name =>
        {
            if (name == "return")
            {
                var text = Text(name).Trim();
                response.Return = text.Length == 0
                    ? null
                    : long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) ? value : throw ConcordOracleStatusParser.Malformed(name);
            }
            else
            {
                Skip();
            }
        });
        return response;
    }

    /// <summary>Reads a <c>FaxDeliveryNotification</c> push (the reader is on its start tag); <c>DeliveredImage</c> and unknown elements are skipped unread.</summary>
    public ConcordNotificationDto ReadNotification()
    {
        var notification = new ConcordNotificationDto();
        Children(name =>
        {
            if (ConcordNotificationDto.IsField(name))
            {
                notification.Set(name, Text(name));
            }
            else
            {
                Skip();
            }
        });
        return notification;
    }

    /// <summary>The reason text of a SOAP 1.2 (<c>Reason/Text</c>) or 1.1 (<c>faultstring</c>) fault (the reader is on the <c>Fault</c> start tag).</summary>
    public string ReadFaultText()
    {
        string? found = null;
        void Visit(string name)
        {
            if (found is null && name is "Text" or "faultstring")
            {
                found = Text(name);
            }
            else
            {
                Children(Visit);
            }
        }

        Children(Visit);
        return found ?? "no reason given";
    }

    private ConcordErrorDto ReadError()
    {
        var error = new ConcordErrorDto();
        Children(name =>
        {
            switch (name)
            {
                case "ErrorCode": error.ErrorCode = Int(name) ?? 0; break;
                case "ErrorString": error.ErrorString = Text(name); break;
                default: Skip(); break;
            }
        });
        return error;
    }

    private ConcordFaxStatusDto ReadItem()
    {
        var item = new ConcordFaxStatusDto();
        Children(name =>
        {
            switch (name)
            {
                case "FaxJobId": item.FaxJobId = Text(name); break;
                case "FaxJobStatusId": item.FaxJobStatusId = Int(name); break;
                case "StatusDescription": item.StatusDescription = Text(name); break;
                case "Error": item.Error = ReadError(); break;
                case "RecipientState": item.RecipientState = Int(name); break;
                case "RecipientCurrentPageCount": item.RecipientCurrentPageCount = Int(name); break;
                case "RecipientTotalPageCount": item.RecipientTotalPageCount = Int(name); break;
                case "FaxDeliveryDateTime": item.FaxDeliveryDateTime = Text(name); break;
                case "FaxDeliveryDuration": item.FaxDeliveryDuration = Int(name); break;
                case "RemoteFaxCSID": item.RemoteFaxCSID = Text(name); break;
                case "ReferenceId": item.ReferenceId = Text(name); break;
                default: Skip(); break;
            }
        });
        return item;
    }
}
