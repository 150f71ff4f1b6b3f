using System.Globalization;
using System.Xml;
using FaxSdk.Transport;

namespace FaxSdk.Retarus.Reading;

/// <summary>
/// A forward-only reader of <c>faxJobReport</c> elements (the SOAP <c>getFaxReports</c> report that the HTTP status
/// push carries) over an <see cref="XmlReader"/>, straight into pushed statuses: no tree and no DTOs are built, every
/// step checks the depth bound and, every 256 nodes, the cancellation token. Elements are matched by local name, so the
/// namespace (<c>http://retarus.com/fax4ba/faxws/3/0</c>) and a SOAP envelope around the report do not matter.
/// </summary>
/// <remarks>Why a report cannot be pushed (no <c>jobId</c>, no <c>faxRecipient</c>, an invalid job id) is noted and
/// thrown once the whole document is read, so that an unreadable document is reported as such.</remarks>
internal sealed class RetarusReportXmlReader(XmlReader reader, string instance, CancellationToken cancellationToken)
{
    private readonly FaxXmlElementReader _xml = new(reader, RetarusStatusParser.ProviderId, RetarusPushParser.MaxXmlDepth, RetarusPushParser.MaxTextLength, cancellationToken);
    private readonly List<FaxRecipientStatus> _recipients = [];
    private readonly List<string?> _numIds = [];
    private (int Index, string? JobId, bool NoRecipient)? _problem;

    /// <summary>Reads every <c>faxJobReport</c> in the document, in order.</summary>
    /// <returns>One pushed status per report.</returns>
    /// <exception cref="FaxProtocolException">The document is a SOAP fault, holds no report or too many, or a report cannot be pushed.</exception>
    public List<FaxPushedStatus> ReadPushes()
    {
        var pushes = new List<FaxPushedStatus>(1);
        var count = 0;
        while (_xml.Read())
        {
            if (_xml.Reader.NodeType != XmlNodeType.Element)
            {
                continue;
            }

            switch (_xml.Reader.LocalName)
            {
                case "faxJobReport":
                    if (count == FaxPayloadLimits.MaxArrayLength)
                    {
                        throw RetarusReportModel.Protocol($"the push holds more than {FaxPayloadLimits.MaxArrayLength} faxJobReport elements.");
                    }

                    ReadReport(count++, pushes);
                    break;
                case "Fault":
                    throw RetarusReportModel.Protocol("the body is a SOAP fault, not a status push.");
            }
        }

        if (count == 0)
        {
            throw RetarusReportModel.Protocol("the XML holds no faxJobReport element; expected the getFaxReports report <faxJobReport><jobId>…</jobId><faxRecipient>…</faxRecipient></faxJobReport>.");
        }

        if (_problem is { } problem)
        {
            var where = count == 1 ? "the faxJobReport" : $"faxJobReport[{problem.Index}]";
            throw RetarusReportModel.Protocol(
                problem.JobId is null ? $"{where} has no jobId."
                : problem.NoRecipient ? $"{where} of job {RetarusReportModel.Bounded(problem.JobId)} has no faxRecipient."
                : $"the report names job {RetarusReportModel.Bounded(problem.JobId)}, which is not a valid job id.");
        }

        return pushes;
    }

    private void ReadReport(int index, List<FaxPushedStatus> pushes)
    {
        string? jobId = null;
        int? pages = null;
        _recipients.Clear();
        _numIds.Clear();
        _xml.ReadChildren(name =>
        {
            switch (name)
            {
                case "jobId":
                    jobId = OptionalText(name);
                    break;
                case "pages":
                    pages = Int(name);
                    break;
                case "faxRecipient":
                    if (_recipients.Count == FaxPayloadLimits.MaxArrayLength)
                    {
                        throw RetarusReportModel.Protocol($"a faxJobReport holds more than {FaxPayloadLimits.MaxArrayLength} faxRecipient elements.");
                    }

                    ReadRecipient();
                    break;
                default:
                    // reportMail, httpStatusPush (it echoes our URL), document, options: nothing the status needs.
                    _xml.Skip();
                    break;
            }
        });

        if (_problem is not null)
        {
            return; // an earlier report cannot be pushed: the rest is only read
        }

        if (jobId is null || _recipients.Count == 0 || !FaxJobIds.IsValid(jobId))
        {
            _problem = (index, jobId, _recipients.Count == 0);
            return;
        }

        var status = RetarusReportModel.Status(jobId, pages, customerDefinedId: null, [.. _recipients]);
        pushes.Add(RetarusPushParser.ToPush(status, [.. _numIds], instance));
    }

    private void ReadRecipient()
    {
        string? number = null, numId = null, status = null, reason = null, sentToNumber = null, remoteCsid = null;
        DateTimeOffset? sentTs = null;
        int? duration = null;
        _xml.ReadChildren(name =>
        {
            switch (name)
            {
                case "number": number = OptionalText(name); break;
                case "numId": numId = OptionalText(name); break;
                case "status": status = OptionalText(name); break;
                case "reason": reason = OptionalText(name); break;
                case "sentTS" or "sentTs": sentTs = FaxTimestamps.Parse(OptionalText(name)); break;
                case "durationInSecs": duration = Int(name); break;
                case "sentToNumber": sentToNumber = OptionalText(name); break;
                case "remoteCsid": remoteCsid = _xml.ReadText(name).Trim(); break;
                default: _xml.Skip(); break;
            }
        });

        _recipients.Add(RetarusReportModel.Recipient(number ?? sentToNumber ?? string.Empty, RetarusReportModel.Classify(status), status, reason, sentTs, duration, remoteCsid));
        _numIds.Add(numId);
    }

    private string? OptionalText(string name) => _xml.ReadText(name).Trim() is { Length: > 0 } text ? text : null;

    private int? Int(string name)
    {
        var text = _xml.ReadText(name).Trim();
        return text.Length == 0
            ? null
            : int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) ? value : throw RetarusReportModel.Protocol($"the element {name} does not hold a whole number.");
    }
}
