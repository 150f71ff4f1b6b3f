using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Xml;
using FaxSdk.Retarus.Reading;
using FaxSdk.Transport;

namespace FaxSdk.Retarus;

/// <summary>
/// Reads Retarus's HTTP status push (<c>statusReportOptions.httpStatusPush</c>): by default the SOAP
/// <c>getFaxReports</c> report, a <c>faxJobReport</c> XML element with one <c>faxRecipient</c> per recipient
/// (<see cref="ParseXml"/>); or JSON shaped like the REST report (<see cref="ParseJson"/>).
/// </summary>
/// <remarks>
/// <para>The canonical status is the REST report's (<see cref="RetarusStatusParser"/>): the push is the report of a
/// completed job, so the recipients' codes decide the outcome, and a code without a final meaning keeps the job
/// non-final (<c>PENDING</c> in progress, an unknown code <see cref="FaxJobState.Unknown"/>).</para>
/// <para>Each status comes as an unsigned push (<see cref="FaxPushTrust.Unsigned"/>: Retarus signs nothing) with the
/// delivery key <c>retarus:{jobId}:{numId}:{status}:{sentTS}</c>, one <c>{numId}:{status}:{sentTS}</c> group per
/// recipient joined by <c>;</c> (<c>sentTS</c> in UTC, round-trip format; a missing value is empty). A key longer
/// than <see cref="MaxKeyLength"/> keeps the job id and replaces the groups with their SHA-256 (<c>sha256:{hex}</c>).
/// The XML and the JSON of the same report have the same key.</para>
/// <para>Bounds: the XML is read forward-only (no DTD, no entities, no tree), at most <see cref="MaxXmlDepth"/> levels
/// deep and <see cref="MaxXmlCharacters"/> characters, text values of at most <see cref="MaxTextLength"/> characters,
/// at most 10,000 reports per body and 10,000 recipients per report; JSON is bounded by
/// <see cref="Transport.FaxPayloadLimits"/>. Everything else is a <see cref="FaxProtocolException"/>.</para>
/// </remarks>
public static class RetarusPushParser
{
    /// <summary>The deepest element nesting the XML may have: 32 levels (a report has 3, 6 inside a SOAP envelope).</summary>
    public const int MaxXmlDepth = 32;

    /// <summary>The most characters the XML may hold: 16 Mi.</summary>
    public const long MaxXmlCharacters = 16L * 1024 * 1024;

    /// <summary>The longest text value read from the XML: 64 Ki characters.</summary>
    public const int MaxTextLength = 64 * 1024;

    /// <summary>The longest delivery key written out in full: 512 characters.</summary>
    public const int MaxKeyLength = 512;

    private const string ProviderId = RetarusStatusParser.ProviderId;

    private static readonly XmlReaderSettings XmlSettings = FaxXmlElementReader.CreateSettings(MaxXmlCharacters);

    /// <summary>Reads a push body in either format: JSON when it starts with <c>{</c> or <c>[</c>, XML otherwise.</summary>
    /// <param name="body">The body.</param>
    /// <param name="instance">The receiving instance, for the pushed statuses' job references.</param>
    /// <returns>One pushed status per report (a push carries one).</returns>
    /// <exception cref="FaxProtocolException">The body is not a readable report (see remarks).</exception>
    /// <exception cref="ArgumentException"><paramref name="instance"/> is empty.</exception>
    public static IReadOnlyList<FaxPushedStatus> Parse(ReadOnlySpan<byte> body, string instance = FaxJobReference.DefaultInstance) =>
        StartsWithJson(body) ? ParseJson(body, instance) : ParseXml(body, instance);

    /// <summary>Reads the XML push: one <c>faxJobReport</c> (also found inside a SOAP envelope, or several in a getFaxReports answer).</summary>
    /// <param name="body">The body.</param>
    /// <param name="instance">The receiving instance, for the pushed statuses' job references.</param>
    /// <param name="cancellationToken">Ends the reading.</param>
    /// <returns>One pushed status per <c>faxJobReport</c>, in order.</returns>
    /// <exception cref="FaxProtocolException">The body is not well-formed XML, has a DTD, is over a bound, an HTML page or a SOAP fault,
    /// holds no <c>faxJobReport</c>, or a report has no <c>jobId</c> or no <c>faxRecipient</c>.</exception>
    /// <exception cref="ArgumentException"><paramref name="instance"/> is empty.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static IReadOnlyList<FaxPushedStatus> ParseXml(ReadOnlySpan<byte> body, string instance = FaxJobReference.DefaultInstance, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(instance);
        cancellationToken.ThrowIfCancellationRequested();
        if (IsHtml(body))
        {
            throw Protocol("the body is an HTML page, not a status push.");
        }

        if (body.IndexOf("<!DOCTYPE"u8) >= 0)
        {
            throw Protocol("the XML has a document type declaration (DTD), which is refused unread.");
        }

        try
        {
            using var reader = XmlReader.Create(new MemoryStream(body.ToArray(), writable: false), XmlSettings);
            return new RetarusReportXmlReader(reader, instance, cancellationToken).ReadPushes();
        }
        catch (XmlException exception)
        {
            throw new FaxProtocolException(ProviderId, $"{ProviderId}: the push is not well-formed XML (line {exception.LineNumber}, position {exception.LinePosition}).", exception);
        }
    }

    /// <summary>Reads a JSON push shaped like the REST report (<c>{"jobId", "recipientStatus": [...], "pages", "reference"}</c>, or a <c>{"reports": [...]}</c> list).</summary>
    /// <param name="body">The body.</param>
    /// <param name="instance">The receiving instance, for the pushed statuses' job references.</param>
    /// <returns>One pushed status per report, in order.</returns>
    /// <exception cref="FaxProtocolException">The body is not a report (as <see cref="RetarusStatusParser.Parse"/> refuses it).</exception>
    /// <exception cref="ArgumentException"><paramref name="instance"/> is empty.</exception>
    public static IReadOnlyList<FaxPushedStatus> ParseJson(ReadOnlySpan<byte> body, string instance = FaxJobReference.DefaultInstance)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(instance);
        var reader = new RetarusReportJsonReader(body, references: false, numIds: true);
        try
        {
            var reports = reader.Read();
            var pushes = new FaxPushedStatus[reports.Length];
            for (var i = 0; i < pushes.Length; i++)
            {
                pushes[i] = ToPush(reports[i].Status, reports[i].NumIds!, instance);
            }

            return pushes;
        }
        finally
        {
            reader.Dispose();
        }
    }

    /// <summary>The pushed status of a report, keyed by its recipients (<paramref name="numIds"/> in their order).</summary>
    internal static FaxPushedStatus ToPush(FaxJobStatus status, string?[] numIds, string instance)
    {
        if (!FaxJobIds.IsValid(status.JobId))
        {
            throw Protocol($"the report names job {Bounded(status.JobId)}, which is not a valid job id.");
        }

        return new FaxPushedStatus
        {
            Job = new FaxJobReference(ProviderId, status.JobId, instance),
            Status = status,
            Trust = FaxPushTrust.Unsigned,
            DeliveryKey = DeliveryKey(status.JobId, status.Recipients, numIds),
        };
    }

    // One {numId}:{status}:{sentTS} group per recipient: the status is the recipient's code as sent, sentTS its time.
    private static string DeliveryKey(string jobId, IReadOnlyList<FaxRecipientStatus> recipients, string?[] numIds)
    {
        var groups = new StringBuilder();
        for (var i = 0; i < recipients.Count; i++)
        {
            if (i > 0)
            {
                groups.Append(';');
            }

            groups.Append(numIds[i]).Append(':').Append(recipients[i].ProviderStatus).Append(':')
                .Append(recipients[i].CompletedAt?.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture));
        }

        var key = $"{ProviderId}:{jobId}:{groups}";
        return key.Length <= MaxKeyLength
            ? key
            : $"{ProviderId}:{jobId}:sha256:{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(groups.ToString())))}";
    }

    private static bool StartsWithJson(ReadOnlySpan<byte> body)
    {
        foreach (var b in body)
        {
            if (b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n' or 0xEF or 0xBB or 0xBF)
            {
                continue;
            }

            return b is (byte)'{' or (byte)'[';
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

    private static FaxProtocolException Protocol(string message) => RetarusReportModel.Protocol(message);

    private static string Bounded(string text) => RetarusReportModel.Bounded(text);
}
