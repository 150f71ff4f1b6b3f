using System.Buffers;
using System.Buffers.Binary;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;
using FaxSdk.Transport;

namespace FaxSdk.Retarus.Reading;

/// <summary>
/// Reads a Retarus report list (<c>{"reports": [...]}</c>) or a single report in one pass with a
/// <see cref="Utf8JsonReader"/>, straight into <see cref="FaxJobStatus"/>: no DTOs, no second walk for the payload
/// limits (<see cref="FaxJsonBudget"/> counts inline), and strings made only for what the model keeps.
/// </summary>
/// <remarks>
/// <para>It reads as the serialiser read the former DTOs: member names case-insensitively, members in any order, the
/// last of a repeated member winning, unknown members skipped, and a value of the wrong kind refused wherever it is,
/// even in a member the model does not keep (<c>numId</c>) or a list it ignores (a report's own <c>"reports"</c>).</para>
/// <para>String values are remembered as places in the body (<see cref="Text"/>) and made into strings only once the
/// model needs them: a <c>reason</c> only for a failed or canceled recipient, <c>sentToNumber</c> only without a
/// <c>number</c>. Why a report cannot be read (no <c>jobId</c>, a receipt, a <c>null</c> recipient) is noted and thrown
/// after the whole body is read, so that a malformed or oversized body is reported as such, as before.</para>
/// <para>A mutable ref struct holding pooled arrays: create it, call <see cref="Read"/> once, use the reports, then
/// <see cref="Dispose"/> (in a <see langword="finally"/>; not with <see langword="using"/>, which would copy it).</para>
/// </remarks>
internal ref struct RetarusReportJsonReader
{
    private const string ProviderId = RetarusStatusParser.ProviderId;
    private const string RecipientsName = "\"recipientStatus\"";
    private const string ReportsName = "\"reports\"";

    private static readonly byte[][] ReportMembers =
        ["reports"u8.ToArray(), "jobId"u8.ToArray(), "recipientStatus"u8.ToArray(), "pages"u8.ToArray(), "reference"u8.ToArray(), "deleted"u8.ToArray(), "reason"u8.ToArray()];

    private static readonly byte[][] RecipientMembers =
        ["number"u8.ToArray(), "numId"u8.ToArray(), "status"u8.ToArray(), "reason"u8.ToArray(), "sentTs"u8.ToArray(), "durationInSecs"u8.ToArray(), "sentToNumber"u8.ToArray(), "remoteCsid"u8.ToArray()];

    private static readonly byte[][] ReferenceMembers =
        ["customerDefinedId"u8.ToArray(), "billingCode"u8.ToArray(), "billingInfo"u8.ToArray()];

    private readonly ReadOnlySpan<byte> _body;
    private readonly bool _references;
    private readonly bool _numIds;
    private Utf8JsonReader _json;
    private FaxJsonBudget _budget;
    private RetarusReadReport[] _reports;
    private int _reportCount;
    private string? _problem;
    private FaxRecipientStatus[] _recipients;
    private string?[] _recipientNumIds;
    private int _reportIndex;
    private int _recipientIndex;
    private (Text Text, string Value)? _lastReason;
    private (Text Text, string Value)? _lastRemoteCsid;

    /// <summary>Prepares to read a body.</summary>
    /// <param name="body">The body (a BOM and leading whitespace are skipped).</param>
    /// <param name="references">Read <c>billingCode</c> and <c>billingInfo</c> (for <see cref="FaxReport.Properties"/>).</param>
    /// <param name="numIds">Read each recipient's <c>numId</c> (for the push's delivery key).</param>
    /// <exception cref="FaxProtocolException">The body is empty or an HTML page.</exception>
    public RetarusReportJsonReader(ReadOnlySpan<byte> body, bool references, bool numIds)
    {
        _body = FaxJson.ContentOf(body, ProviderId);
        _references = references;
        _numIds = numIds;
        _json = new Utf8JsonReader(_body, FaxJson.ReaderOptions);
        _budget = new FaxJsonBudget(ProviderId);
        _reports = [];
        _recipients = [];
        _recipientNumIds = [];
        _reportIndex = -1;
        _recipientIndex = -1;
    }

    /// <summary>Reads the body: one report per element of its list, or the body itself when it is a report.</summary>
    /// <returns>The reports, in order; valid until <see cref="Dispose"/>.</returns>
    /// <exception cref="FaxProtocolException">The body is unreadable, over the payload limits, or not a report (see <see cref="RetarusStatusParser"/>).</exception>
    public ReadOnlySpan<RetarusReadReport> Read()
    {
        try
        {
            _json.Read();
            if (_json.TokenType != JsonTokenType.StartObject)
            {
                var root = _json.TokenType;
                SkipForLimits();
                throw RetarusReportModel.Protocol($"the body is {FaxPayloadLimits.Describe(root)}; expected {RetarusStatusParser.ExpectedShape}.");
            }

            var body = ReadReport(build: true, root: true);
            if (_json.Read())
            {
                throw new JsonException("The body holds more than one JSON value.");
            }

            if (body.Listed)
            {
                return _problem is null ? _reports.AsSpan(0, _reportCount) : throw RetarusReportModel.Protocol(_problem);
            }

            // Not a list: the body is one report.
            if (body.JobId.IsNull)
            {
                throw RetarusReportModel.Protocol($"the body is neither a report list (\"reports\") nor a report (\"jobId\"); expected {RetarusStatusParser.ExpectedShape}.");
            }

            _reportCount = 0;
            _problem = null;
            Add(body, "the body");
            return _problem is null ? _reports.AsSpan(0, _reportCount) : throw RetarusReportModel.Protocol(_problem);
        }
        catch (Exception exception) when (FaxJson.IsReadFailure(exception))
        {
            throw Failure(exception);
        }
    }

    /// <summary>Returns the pooled arrays.</summary>
    public void Dispose()
    {
        Return(ref _reports);
        Return(ref _recipients);
        Return(ref _recipientNumIds);
    }

    // A report object; the reader is on its StartObject. Reads "reports" into the list at the root only; elsewhere a
    // report's own list is checked and ignored, as the DTO read it and the parser never looked at it.
    private Report ReadReport(bool build, bool root)
    {
        _budget.CountObject();
        var report = new Report { NullRecipient = -1 };
        while (_json.Read() && _json.TokenType == JsonTokenType.PropertyName)
        {
            switch (Member(ReportMembers))
            {
                case 0:
                    report.Listed = ReadReportList(root);
                    break;
                case 1:
                    report.JobId = ReadString("jobId");
                    break;
                case 2:
                    ReadRecipients(ref report, build);
                    break;
                case 3:
                    report.Pages = ReadInt32("pages");
                    break;
                case 4:
                    ReadReference(ref report);
                    break;
                case 5:
                    // Only in a bulk-delete answer item: there whatever its value.
                    report.Deleted = true;
                    _budget.Skip(ref _json);
                    break;
                case 6:
                    // Only in a bulk answer item without a report (NOT_FOUND, INTERNAL_ERROR): there whatever its value.
                    report.Reason = true;
                    _budget.Skip(ref _json);
                    break;
                default:
                    _budget.Skip(ref _json);
                    break;
            }
        }

        return report;
    }

    /// <returns>Whether there is a list (<see langword="false"/> for <c>null</c>).</returns>
    private bool ReadReportList(bool root)
    {
        _json.Read();
        if (_json.TokenType == JsonTokenType.Null)
        {
            return false;
        }

        if (_json.TokenType != JsonTokenType.StartArray)
        {
            throw Mismatch("reports");
        }

        if (root)
        {
            // A repeated "reports" replaces the list read before it.
            _reportCount = 0;
            _problem = null;
        }

        var elements = 0;
        while (_json.Read() && _json.TokenType != JsonTokenType.EndArray)
        {
            _budget.CountElement(ref elements, ReportsName);
            var index = elements - 1;
            if (_json.TokenType == JsonTokenType.Null)
            {
                if (root)
                {
                    _problem ??= $"reports[{index}] is not a report object (it is null or a plain value).";
                }

                continue;
            }

            if (_json.TokenType != JsonTokenType.StartObject)
            {
                throw Mismatch($"reports[{index}]");
            }

            if (!root)
            {
                ReadReport(build: false, root: false);
                continue;
            }

            _reportIndex = index;
            var report = ReadReport(build: _problem is null, root: false);
            _reportIndex = -1;
            if (_problem is null)
            {
                Add(report, where: null, index);
            }
        }

        return true;
    }

    // Adds a report to the list, or notes why it cannot be read.
    private void Add(in Report report, string? where, int index = 0)
    {
        var jobId = report.JobId.IsNull ? null : Materialize(report.JobId);
        if (jobId is null || report.Deleted || !report.HasRecipients || report.NullRecipient >= 0)
        {
            _problem ??= RetarusReportModel.Problem(where ?? $"reports[{index}]", jobId, report.Deleted, report.Reason, report.HasRecipients, report.NullRecipient);
            return;
        }

        var status = RetarusReportModel.Status(jobId, report.Pages, MaterializeOrNull(report.CustomerDefinedId), report.Recipients!);
        if (_reportCount == _reports.Length)
        {
            Grow(ref _reports, _reportCount);
        }

        _reports[_reportCount++] = new RetarusReadReport(
            status,
            _references ? MaterializeOrNull(report.BillingCode) : null,
            _references ? MaterializeOrNull(report.BillingInfo) : null,
            report.NumIds);
    }

    private void ReadRecipients(ref Report report, bool build)
    {
        _json.Read();
        report.Recipients = null;
        report.NumIds = null;
        report.NullRecipient = -1;
        if (_json.TokenType == JsonTokenType.Null)
        {
            report.HasRecipients = false;
            return;
        }

        if (_json.TokenType != JsonTokenType.StartArray)
        {
            throw Mismatch("recipientStatus");
        }

        report.HasRecipients = true;
        var elements = 0;
        var recipient = default(Recipient);
        while (_json.Read() && _json.TokenType != JsonTokenType.EndArray)
        {
            _budget.CountElement(ref elements, RecipientsName);
            _recipientIndex = elements - 1;
            if (_json.TokenType == JsonTokenType.Null)
            {
                // The report cannot be read: keep checking the body, build nothing more.
                report.NullRecipient = report.NullRecipient < 0 ? _recipientIndex : report.NullRecipient;
                build = false;
                continue;
            }

            if (_json.TokenType != JsonTokenType.StartObject)
            {
                throw Mismatch("");
            }

            ReadRecipient(ref recipient);
            if (build)
            {
                if (_recipientIndex == _recipients.Length)
                {
                    Grow(ref _recipients, _recipientIndex);
                    if (_numIds)
                    {
                        Grow(ref _recipientNumIds, _recipientIndex);
                    }
                }

                _recipients[_recipientIndex] = ToRecipient(recipient);
                if (_numIds)
                {
                    _recipientNumIds[_recipientIndex] = MaterializeOrNull(recipient.NumId);
                }
            }
        }

        _recipientIndex = -1;
        if (build)
        {
            report.Recipients = _recipients.AsSpan(0, elements).ToArray();
            report.NumIds = _numIds ? _recipientNumIds.AsSpan(0, elements).ToArray() : null;
        }
    }

    private void ReadRecipient(ref Recipient recipient)
    {
        _budget.CountObject();
        recipient = default;
        while (_json.Read() && _json.TokenType == JsonTokenType.PropertyName)
        {
            switch (Member(RecipientMembers))
            {
                case 0: recipient.Number = ReadString("number"); break;
                case 1: recipient.NumId = ReadString("numId"); break;
                case 2: recipient.Status = ReadString("status"); break;
                case 3: recipient.Reason = ReadString("reason"); break;
                case 4: recipient.SentTs = ReadTime(); break;
                case 5: recipient.DurationInSecs = ReadInt32("durationInSecs"); break;
                case 6: recipient.SentToNumber = ReadString("sentToNumber"); break;
                case 7: recipient.RemoteCsid = ReadString("remoteCsid"); break;
                default: _budget.Skip(ref _json); break;
            }
        }
    }

    private void ReadReference(ref Report report)
    {
        _json.Read();
        report.CustomerDefinedId = report.BillingCode = report.BillingInfo = default; // a repeated reference replaces the one before
        if (_json.TokenType == JsonTokenType.Null)
        {
            return;
        }

        if (_json.TokenType != JsonTokenType.StartObject)
        {
            throw Mismatch("reference");
        }

        _budget.CountObject();
        while (_json.Read() && _json.TokenType == JsonTokenType.PropertyName)
        {
            switch (Member(ReferenceMembers))
            {
                case 0: report.CustomerDefinedId = ReadString("reference.customerDefinedId"); break;
                case 1: report.BillingCode = ReadString("reference.billingCode"); break;
                case 2: report.BillingInfo = ReadString("reference.billingInfo"); break;
                default: _budget.Skip(ref _json); break;
            }
        }
    }

    private FaxRecipientStatus ToRecipient(in Recipient recipient)
    {
        string? code = null;
        var meaning = RetarusReportModel.Classify(null);
        if (!recipient.Status.IsNull)
        {
            if (recipient.Status.Escaped)
            {
                code = Materialize(recipient.Status);
                meaning = RetarusReportModel.Classify(code);
            }
            else
            {
                var utf8 = _body.Slice(recipient.Status.Start, recipient.Status.Length);
                meaning = RetarusReportModel.Classify(utf8, out var wire);

                // The map's own spelling ("OK", "BUSY") when the bytes are exactly that: no new string.
                code = wire is not null && Ascii.Equals(utf8, wire) ? wire : Encoding.UTF8.GetString(utf8);
            }
        }

        var faxNumber = MaterializeOrNull(recipient.Number) ?? MaterializeOrNull(recipient.SentToNumber) ?? string.Empty;
        var reason = meaning.Failure is null ? null : Reuse(recipient.Reason, ref _lastReason);
        var remoteCsid = recipient.RemoteCsid.Length == 0 ? null : Reuse(recipient.RemoteCsid, ref _lastRemoteCsid);
        return RetarusReportModel.Recipient(faxNumber, meaning, code, reason, recipient.SentTs, recipient.DurationInSecs, remoteCsid);
    }

    // The index of the member name the reader is on in names (matched as the serialiser matches case-insensitive names), or -1.
    private readonly int Member(byte[][] names)
    {
        if (!_json.ValueIsEscaped)
        {
            var raw = _json.ValueSpan;
            for (var i = 0; i < names.Length; i++)
            {
                if (raw.SequenceEqual(names[i]))
                {
                    return i; // the documented spelling: the common case, and the cheapest test
                }
            }

            if (Ascii.IsValid(raw))
            {
                for (var i = 0; i < names.Length; i++)
                {
                    if (raw.Length == names[i].Length && Ascii.EqualsIgnoreCase(raw, names[i]))
                    {
                        return i;
                    }
                }

                return -1;
            }

            if (!Utf8.IsValid(raw))
            {
                return -1; // no member has that name; the serialiser skips it too
            }
        }

        for (var i = 0; i < names.Length; i++)
        {
            if (FaxJson.PropertyNameIs(in _json, names[i], ignoreCase: true))
            {
                return i;
            }
        }

        return -1;
    }

    // A string member's value: a place in the body, checked to be readable text (as the serialiser read every string member).
    private Text ReadString(string member)
    {
        _json.Read();
        switch (_json.TokenType)
        {
            case JsonTokenType.Null:
                return default;
            case JsonTokenType.String:
                if (_json.ValueIsEscaped || !IsValidUtf8(_json.ValueSpan))
                {
                    _ = _json.GetString(); // throws for invalid UTF-8 or a lone surrogate
                }

                return new Text(checked((int)_json.TokenStartIndex + 1), _json.ValueSpan.Length, _json.ValueIsEscaped);
            default:
                throw Mismatch(member);
        }
    }

    // Utf8.IsValid, with a quicker answer for the short ASCII values (numbers, ids, codes) most members hold.
    private static bool IsValidUtf8(ReadOnlySpan<byte> utf8)
    {
        const ulong HighBits = 0x8080_8080_8080_8080;
        if (utf8.Length < 8)
        {
            var bits = 0;
            foreach (var b in utf8)
            {
                bits |= b;
            }

            if (bits < 0x80)
            {
                return true;
            }
        }
        else if (utf8.Length <= 16)
        {
            var first = BinaryPrimitives.ReadUInt64LittleEndian(utf8);
            var last = BinaryPrimitives.ReadUInt64LittleEndian(utf8[^8..]);
            if (((first | last) & HighBits) == 0)
            {
                return true;
            }
        }

        return Utf8.IsValid(utf8);
    }

    private int? ReadInt32(string member)
    {
        _json.Read();
        return _json.TokenType switch
        {
            JsonTokenType.Null => null,
            JsonTokenType.Number when _json.TryGetInt32(out var value) => value,
            _ => throw Mismatch(member),
        };
    }

    // sentTs: lenient, as the converter read it (anything unreadable is null); a skipped object or array still counts.
    private DateTimeOffset? ReadTime()
    {
        _json.Read();
        if (_json.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
        {
            _budget.Skip(ref _json);
            return null;
        }

        return FaxLenientDateTimeOffsetConverter.ReadLenient(ref _json);
    }

    private readonly string Materialize(Text text)
    {
        var utf8 = _body.Slice(text.Start, text.Length);
        if (!text.Escaped)
        {
            return Encoding.UTF8.GetString(utf8);
        }

        var quoted = new Utf8JsonReader(_body.Slice(text.Start - 1, text.Length + 2));
        quoted.Read();
        return quoted.GetString()!;
    }

    private readonly string? MaterializeOrNull(Text text) => text.IsNull ? null : Materialize(text);

    // Values that repeat from report to report in a page (the remote station's CSID, a failure's reason): the string
    // made for the last one is reused when the bytes are the same (strings are immutable, so sharing is invisible).
    private readonly string? Reuse(Text text, ref (Text Text, string Value)? last)
    {
        if (text.IsNull)
        {
            return null;
        }

        if (last is { } previous && previous.Text.Escaped == text.Escaped
            && _body.Slice(previous.Text.Start, previous.Text.Length).SequenceEqual(_body.Slice(text.Start, text.Length)))
        {
            return previous.Value;
        }

        var value = Materialize(text);
        last = (text, value);
        return value;
    }

    // The value of another kind: the error the serialiser gave, with where it is.
    private readonly JsonException Mismatch(string member)
    {
        var path = new StringBuilder("$");
        if (_reportIndex >= 0)
        {
            path.Append(".reports[").Append(_reportIndex).Append(']');
        }

        if (_recipientIndex >= 0)
        {
            path.Append(".recipientStatus[").Append(_recipientIndex).Append(']');
        }

        if (member.Length > 0)
        {
            path.Append('.').Append(member);
        }

        return new JsonException($"The JSON value at {path} is not of the kind a Retarus report has there.", path.ToString(), lineNumber: null, bytePositionInLine: null);
    }

    // The body's root is not an object: still count it against the limits first, as the separate limits pass did.
    private void SkipForLimits()
    {
        try
        {
            _budget.Skip(ref _json);
        }
        catch (JsonException)
        {
            // Malformed after the start: the shape is what is reported.
        }
    }

    private readonly FaxProtocolException Failure(Exception exception) =>
        FaxJson.ReadFailure(exception, _body, ProviderId, RetarusStatusParser.ExpectedShape);

    private static void Grow<T>(ref T[] array, int count)
    {
        var larger = ArrayPool<T>.Shared.Rent(Math.Max(16, count * 2));
        array.AsSpan(0, count).CopyTo(larger);
        Return(ref array);
        array = larger;
    }

    private static void Return<T>(ref T[] array)
    {
        if (array.Length > 0)
        {
            ArrayPool<T>.Shared.Return(array, clearArray: true);
        }

        array = [];
    }

    /// <summary>A string value's place in the body (after its opening quote); the default is JSON <c>null</c> or absent.</summary>
    private readonly record struct Text(int Start, int Length, bool Escaped)
    {
        public bool IsNull => Start == 0;
    }

    /// <summary>A report's members as read.</summary>
    private struct Report
    {
        public bool Listed;
        public Text JobId;
        public int? Pages;
        public bool Deleted;
        public bool Reason;
        public bool HasRecipients;
        public FaxRecipientStatus[]? Recipients;
        public string?[]? NumIds;
        public int NullRecipient;
        public Text CustomerDefinedId;
        public Text BillingCode;
        public Text BillingInfo;
    }

    /// <summary>A recipient's members as read.</summary>
    private struct Recipient
    {
        public Text Number;
        public Text NumId;
        public Text Status;
        public Text Reason;
        public DateTimeOffset? SentTs;
        public int? DurationInSecs;
        public Text SentToNumber;
        public Text RemoteCsid;
    }
}
