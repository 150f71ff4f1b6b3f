using System.Globalization;
using System.Text;
using System.Xml;

namespace FaxSdk.Concord.Dto;

/// <summary>
/// A forward-only reader of Concord SOAP answers over an <see cref="XmlReader"/>: no tree is built, every step checks
/// the depth bound and, every 256 nodes, the cancellation token.
/// </summary>
internal sealed class SoapReader(XmlReader reader, CancellationToken cancellationToken)
{
    private int _nodes;

    /// <summary>Reads the next node; <see langword="false"/> at the end.</summary>
    public bool Read()
    {
        if (!reader.Read())
        {
            return false;
        }

        if ((++_nodes & 0xFF) == 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
        }

        if (reader.Depth > ConcordStatusParser.MaxXmlDepth)
        {
            throw new FaxProtocolException(ConcordStatusParser.ProviderId, $"{ConcordStatusParser.ProviderId}: the SOAP response is nested deeper than {ConcordStatusParser.MaxXmlDepth} levels.");
        }

        return true;
    }

    /// <summary>Reads the children of the current element (the reader is on its start tag), calling <paramref name="child"/> on each child start tag; the callback must consume the child.</summary>
    private void Children(Action<string> child)
    {
        if (reader.IsEmptyElement)
        {
            return;
        }

        var depth = reader.Depth;
        while (Read())
        {
            if (reader.NodeType == XmlNodeType.EndElement && reader.Depth == depth)
            {
                return;
            }

            if (reader.NodeType == XmlNodeType.Element && reader.Depth == depth + 1)
            {
                child(reader.LocalName);
            }
        }
    }

    /// <summary>Skips the current element and everything in it.</summary>
    private void Skip() => Children(_ => Skip());

    /// <summary>The text of the current element (child elements are skipped), at most <see cref="ConcordStatusParser.MaxTextLength"/> characters.</summary>
    private string Text(string name)
    {
        if (reader.IsEmptyElement)
        {
            return string.Empty;
        }

        var depth = reader.Depth;
        StringBuilder? text = null;
        string? single = null;
        while (Read())
        {
            switch (reader.NodeType)
            {
                case XmlNodeType.EndElement when reader.Depth == depth:
                    return text?.ToString() ?? single ?? string.Empty;
                case XmlNodeType.Element:
                    Skip();
                    break;
                case XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.SignificantWhitespace or XmlNodeType.Whitespace:
                    var value = reader.Value;
                    if (single is null && text is null)
                    {
                        single = value;
                    }
                    else
                    {
                        text ??= new StringBuilder(single);
                        text.Append(value);
                    }

                    if ((text?.Length ?? single!.Length) > ConcordStatusParser.MaxTextLength)
                    {
                        throw new FaxProtocolException(ConcordStatusParser.ProviderId, $"{ConcordStatusParser.ProviderId}: the SOAP element {name} holds more than {ConcordStatusParser.MaxTextLength} characters.");
                    }

                    break;
            }
        }

        return text?.ToString() ?? single ?? string.Empty;
    }

    private int? Int(string name)
    {
        var text = Text(name).Trim();
        return text.Length == 0
            ? null
            : int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) ? value : throw ConcordStatusParser.Malformed(name);
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
                    response.Return = text.Length == 0 ? null : bool.TryParse(text, out var ok) ? ok : text == "1" || (text == "0" ? false : throw ConcordStatusParser.Malformed(name));
                    break;
                case "WSError":
                    response.WSError = ReadError();
                    break;
                case "FaxStatusList":
                    var items = new List<ConcordFaxStatusDto?>();
                    Children(_ =>
                    {
                        if (items.Count == ConcordStatusParser.MaxStatuses)
                        {
                            throw new FaxProtocolException(ConcordStatusParser.ProviderId, $"{ConcordStatusParser.ProviderId}: the answer holds more than {ConcordStatusParser.MaxStatuses} status items.");
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
                    : long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) ? value : throw ConcordStatusParser.Malformed(name);
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
