using System.Globalization;
using System.Xml;
using FaxSdk.Retarus;
using FaxSdk.Transport;

namespace FaxSdk.Providers.Tests.Retarus.Oracle;

/// <summary>
/// A forward-only reader of <c>faxJobReport</c> elements (the SOAP <c>getFaxReports</c> report that the HTTP status
/// push carries) over an <see cref="XmlReader"/>: no tree is built, every step checks the depth bound and, every 256
/// nodes, the cancellation token. Elements are matched by local name, so the namespace
/// (<c>http://retarus.com/fax4ba/faxws/3/0</c>) and a SOAP envelope around the report do not matter.
/// </summary>
internal sealed class OracleRetarusReportXmlReader(XmlReader reader, CancellationToken cancellationToken)
{
    private readonly FaxXmlElementReader _xml = new(reader, RetarusStatusParser.ProviderId, OracleRetarusPushParser.MaxXmlDepth, OracleRetarusPushParser.MaxTextLength, cancellationToken);

    /// <summary>Reads every <c>faxJobReport</c> in the document, in order.</summary>
    public List<OracleRetarusReportDto> ReadReports()
    {
        var reports = new List<OracleRetarusReportDto>();
        while (Read())
        {
            if (_xml.Reader.NodeType != XmlNodeType.Element)
            {
                continue;
            }

            switch (_xml.Reader.LocalName)
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

    private bool Read() => _xml.Read();

    private void Children(Action<string> child) => _xml.ReadChildren(child);

    private void Skip() => _xml.Skip();

    private string Text(string name) => _xml.ReadText(name);

    private string? OptionalText(string name) => Text(name).Trim() is { Length: > 0 } text ? text : null;

    private int? Int(string name)
    {
        var text = Text(name).Trim();
        return text.Length == 0
            ? null
            : int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) ? value : throw Protocol($"the element {name} does not hold a whole number.");
    }

    private OracleRetarusReportDto ReadReport()
    {
        var report = new OracleRetarusReportDto();
        var recipients = new List<OracleRetarusRecipientDto?>();
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

    private OracleRetarusRecipientDto ReadRecipient()
    {
        var recipient = new OracleRetarusRecipientDto();
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
