using System.Text.Json.Serialization;
using FaxSdk.Transport;

namespace FaxSdk.Providers.Tests.Retarus.Oracle;

/// <summary>
/// A fax report, or (when <see cref="Reports"/> is set) a list of them: the parser accepts both shapes. Also carries
/// the fields that tell a report from a send receipt or a bulk answer item.
/// </summary>
internal sealed class OracleRetarusReportDto
{
    /// <summary>The reports of a list; a <see langword="null"/> element is reported as an error, not skipped.</summary>
    public List<OracleRetarusReportDto?>? Reports { get; set; }

    public string? JobId { get; set; }

    /// <summary>The recipients; absent in a send receipt or a bulk answer item. A <see langword="null"/> element is reported as an error.</summary>
    public List<OracleRetarusRecipientDto?>? RecipientStatus { get; set; }

    public int? Pages { get; set; }

    public OracleRetarusReferenceDto? Reference { get; set; }

    /// <summary>Only in a bulk-delete answer item.</summary>
    [JsonConverter(typeof(FaxPresenceConverter))]
    public bool Deleted { get; set; }

    /// <summary>Only in a bulk answer item without a report (<c>NOT_FOUND</c>, <c>INTERNAL_ERROR</c>).</summary>
    [JsonConverter(typeof(FaxPresenceConverter))]
    public bool Reason { get; set; }
}
