using System.Globalization;
using System.Xml;
using FaxSdk.Transport;

namespace FaxSdk.Concord;

/// <summary>
/// Reads Concord SOAP answers and push notifications forward-only over an <see cref="XmlReader"/>, straight into the
/// model: no tree, no DTO (the bounds and steps are <see cref="FaxXmlElementReader"/>'s). Elements match by local name,
/// case-sensitively; unknown elements are skipped unread; a repeated element keeps its last value; a whole-number
/// element that is blank counts as absent, and one that holds anything else is unreadable.
/// </summary>
internal sealed class ConcordSoapReader(XmlReader reader, CancellationToken cancellationToken)
{
    private readonly FaxXmlElementReader _xml = new(reader, ConcordStatusParser.ProviderId, ConcordStatusParser.MaxXmlDepth, ConcordStatusParser.MaxTextLength, cancellationToken);

    /// <summary>Reads the next node; <see langword="false"/> at the end.</summary>
    public bool Read() => _xml.Read();

    /// <summary>Reads a list answer (the reader is on its start tag).</summary>
    /// <param name="answer">Receives the answer.</param>
    public void ReadListResponse(ref ConcordListAnswer answer)
    {
        for (var depth = Enter(); NextChild(depth);)
        {
            var name = reader.LocalName;
            switch (name)
            {
                case "return":
                    var text = _xml.ReadText(name).Trim();
                    answer.Return = text.Length == 0 ? null : bool.TryParse(text, out var ok) ? ok : text == "1" || (text == "0" ? false : throw ConcordStatusParser.Malformed(name));
                    break;
                case "WSError":
                    ReadError(out answer.ErrorCode, out answer.ErrorText);
                    break;
                case "FaxStatusList":
                    ReadItems(ref answer);
                    break;
                default:
                    _xml.Skip();
                    break;
            }
        }
    }

    /// <summary>Reads a <c>SimpleGetFaxStatusResponse</c> (the reader is on its start tag).</summary>
    /// <returns>Its <c>return</c>, <see langword="null"/> when absent or blank.</returns>
    public long? ReadSimpleResponse()
    {
        long? value = null;
        for (var depth = Enter(); NextChild(depth);)
        {
            if (reader.LocalName == "return")
            {
                var text = _xml.ReadText("return").Trim();
                value = text.Length == 0
                    ? null
                    : long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number) ? number : throw ConcordStatusParser.Malformed("return");
            }
            else
            {
                _xml.Skip();
            }
        }

        return value;
    }

    /// <summary>Reads a <c>FaxDeliveryNotification</c> push (the reader is on its start tag); <c>DeliveredImage</c> and unknown elements are skipped unread.</summary>
    /// <param name="notification">Receives the fields (a repeated element keeps its last value).</param>
    public void ReadNotification(ref ConcordNotificationFields notification)
    {
        for (var depth = Enter(); NextChild(depth);)
        {
            var name = reader.LocalName;
            if (ConcordNotificationFields.IsField(name))
            {
                notification.Set(name, _xml.ReadText(name), keepFirst: false);
            }
            else
            {
                _xml.Skip();
            }
        }
    }

    /// <summary>The reason text of a SOAP 1.2 (<c>Reason/Text</c>) or 1.1 (<c>faultstring</c>) fault (the reader is on the <c>Fault</c> start tag).</summary>
    /// <returns>The text, or "no reason given".</returns>
    public string ReadFaultText()
    {
        string? found = null;
        void Visit(string name)
        {
            if (found is null && name is "Text" or "faultstring")
            {
                found = _xml.ReadText(name);
            }
            else
            {
                _xml.ReadChildren(Visit);
            }
        }

        _xml.ReadChildren(Visit);
        return found ?? "no reason given";
    }

    private void ReadItems(ref ConcordListAnswer answer)
    {
        // A repeated FaxStatusList replaces the earlier one; every child element is an item.
        answer.ClearStatuses();
        var count = 0;
        for (var depth = Enter(); NextChild(depth);)
        {
            if (count++ == ConcordStatusParser.MaxStatuses)
            {
                throw ConcordStatusParser.TooManyStatuses();
            }

            var item = ReadItem();
            answer.Add(in item);
        }
    }

    private ConcordStatusFields ReadItem()
    {
        var item = default(ConcordStatusFields);
        for (var depth = Enter(); NextChild(depth);)
        {
            var name = reader.LocalName;
            switch (name)
            {
                case "FaxJobId": item.JobId = _xml.ReadText(name); break;
                case "FaxJobStatusId": item.StatusId = Int(name); break;
                case "StatusDescription": item.Description = _xml.ReadText(name); break;
                case "Error": ReadError(out item.ErrorCode, out item.ErrorText); break;
                case "RecipientState": item.RecipientState = Int(name); break;
                case "RecipientCurrentPageCount": item.CurrentPages = Int(name); break;
                case "RecipientTotalPageCount": item.TotalPages = Int(name); break;
                case "FaxDeliveryDateTime":
                    item.HasDeliveryTime = true;
                    item.DeliveredAt = FaxTimestamps.Parse(_xml.ReadText(name));
                    break;
                case "FaxDeliveryDuration": item.Duration = Int(name); break;
                case "RemoteFaxCSID": item.SetRemoteCsid(_xml.ReadText(name)); break;
                case "ReferenceId": _xml.ReadText(name); break; // not kept, but held to the text bound
                default: _xml.Skip(); break;
            }
        }

        return item;
    }

    private void ReadError(out int code, out string? text)
    {
        code = 0;
        text = null;
        for (var depth = Enter(); NextChild(depth);)
        {
            var name = reader.LocalName;
            switch (name)
            {
                case "ErrorCode": code = Int(name) ?? 0; break;
                case "ErrorString": text = _xml.ReadText(name); break;
                default: _xml.Skip(); break;
            }
        }
    }

    private int? Int(string name)
    {
        var text = _xml.ReadText(name).Trim();
        return text.Length == 0
            ? null
            : int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) ? value : throw ConcordStatusParser.Malformed(name);
    }

    /// <summary>Starts reading the children of the element the reader is on: its depth, or -1 when it is empty (<c>&lt;x/&gt;</c>).</summary>
    private int Enter() => reader.IsEmptyElement ? -1 : reader.Depth;

    /// <summary>Moves to the next child element of the element entered at <paramref name="depth"/>; <see langword="false"/> at its end tag.</summary>
    private bool NextChild(int depth)
    {
        if (depth < 0)
        {
            return false;
        }

        while (_xml.Read())
        {
            if (reader.NodeType == XmlNodeType.EndElement && reader.Depth == depth)
            {
                return false;
            }

            if (reader.NodeType == XmlNodeType.Element && reader.Depth == depth + 1)
            {
                return true;
            }
        }

        return false;
    }
}
