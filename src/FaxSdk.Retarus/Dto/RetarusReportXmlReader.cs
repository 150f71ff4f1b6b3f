using System.Globalization;
using System.Text;
using System.Xml;
using FaxSdk.Transport;

namespace FaxSdk.Retarus.Dto;

/// <summary>
/// A forward-only reader of <c>faxJobReport</c> elements (the SOAP <c>getFaxReports</c> report that the HTTP status
/// push carries) over an <see cref="XmlReader"/>: no tree is built, every step checks the depth bound and, every 256
/// nodes, the cancellation token. Elements are matched by local name, so the namespace
/// (<c>http://retarus.com/fax4ba/faxws/3/0</c>) and a SOAP envelope around the report do not matter.
/// </summary>
internal sealed class RetarusReportXmlReader(XmlReader reader, CancellationToken cancellationToken)
{
    private int _nodes;

    /// <summary>Reads every <c>faxJobReport</c> in the document, in order.</summary>
    public List<RetarusReportDto> ReadReports()
    {
        var reports = new List<RetarusReportDto>();
        while (Read())
        {
            if (reader.NodeType != XmlNodeType.Element)
            {
                continue;
            }

            switch (reader.LocalName)
            {
                case "faxJobReport":
                    if (reports.Count == FaxPayloadLimits.MaxArrayLength)
                    {
                        throw Protocol($"the push holds more than {FaxPayloadLimits.MaxArrayLength} faxJobReport elements.");
                    }

                    reports.Add(ReadReport());
                    break;
                case "Fault":
                    throw Protocol("the body is a SOAP fault, not a status push.");
            }
        }

        return reports;
    }

    private bool Read()
    {
        if (!reader.Read())
        {
            return false;
        }

        if ((++_nodes & 0xFF) == 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
        }

        return reader.Depth > RetarusPushParser.MaxXmlDepth
            ? throw Protocol($"the XML is nested deeper than {RetarusPushParser.MaxXmlDepth} levels.")
            : true;
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

    /// <summary>Skips the current element and everything in it without keeping its text.</summary>
    private void Skip() => Children(_ => Skip());

    /// <summary>The text of the current element (child elements are skipped), at most <see cref="RetarusPushParser.MaxTextLength"/> characters.</summary>
    private string Text(string name)
    {
        if (reader.IsEmptyElement)
        {
            return string.Empty;
        }

        var depth = reader.Depth;
        StringBuilder? text = null;
        while (Read())
        {
            switch (reader.NodeType)
            {
                case XmlNodeType.EndElement when reader.Depth == depth:
                    return text?.ToString() ?? string.Empty;
                case XmlNodeType.Element:
                    Skip();
                    break;
                case XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.SignificantWhitespace or XmlNodeType.Whitespace:
                    text ??= new StringBuilder();
                    if (text.Length + reader.Value.Length > RetarusPushParser.MaxTextLength)
                    {
                        throw Protocol($"the element {name} holds more than {RetarusPushParser.MaxTextLength} characters.");
                    }

                    text.Append(reader.Value);
                    break;
            }
        }

        return text?.ToString() ?? string.Empty;
    }

    private string? OptionalText(string name) => Text(name).Trim() is { Length: > 0 } text ? text : null;

    private int? Int(string name)
    {
        var text = Text(name).Trim();
        return text.Length == 0
            ? null
            : int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) ? value : throw Protocol($"the element {name} does not hold a whole number.");
    }

    private RetarusReportDto ReadReport()
    {
        var report = new RetarusReportDto();
        var recipients = new List<RetarusRecipientDto?>();
        Children(name =>
        {
            switch (name)
            {
                case "jobId":
                    report.JobId = OptionalText(name);
                    break;
                case "pages":
                    report.Pages = Int(name);
                    break;
                case "faxRecipient":
                    if (recipients.Count == FaxPayloadLimits.MaxArrayLength)
                    {
                        throw Protocol($"a faxJobReport holds more than {FaxPayloadLimits.MaxArrayLength} faxRecipient elements.");
                    }

                    recipients.Add(ReadRecipient());
                    break;
                default:
                    // reportMail, httpStatusPush (it echoes our URL), document, options: nothing the status needs.
                    Skip();
                    break;
            }
        });
        report.RecipientStatus = recipients;
        return report;
    }

    private RetarusRecipientDto ReadRecipient()
    {
        var recipient = new RetarusRecipientDto();
        Children(name =>
        {
            switch (name)
            {
                case "number": recipient.Number = OptionalText(name); break;
                case "numId": recipient.NumId = OptionalText(name); break;
                case "status": recipient.Status = OptionalText(name); break;
                case "reason": recipient.Reason = OptionalText(name); break;
                case "sentTS" or "sentTs": recipient.SentTs = FaxTimestamps.Parse(OptionalText(name)); break;
                case "durationInSecs": recipient.DurationInSecs = Int(name); break;
                case "sentToNumber": recipient.SentToNumber = OptionalText(name); break;
                case "remoteCsid": recipient.RemoteCsid = Text(name).Trim(); break;
                default: Skip(); break;
            }
        });
        return recipient;
    }

    private static FaxProtocolException Protocol(string message) => new(RetarusStatusParser.ProviderId, $"{RetarusStatusParser.ProviderId}: {message}");
}
