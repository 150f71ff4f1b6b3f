using System.Text.Json.Serialization;

namespace FaxSdk.Providers.Tests.StoneFax.Oracle;

/// <summary>An outbound fax (the fields FaxSdk reads; <c>__type</c> and others are ignored).</summary>
internal sealed class StoneFaxFax
{
    public string? FaxId { get; set; }

    public string? Username { get; set; }

    public string? Subject { get; set; }

    [JsonConverter(typeof(OneOrManyRecipientsConverter))]
    public List<StoneFaxRecipient>? Recipient { get; set; }

    public string? Status { get; set; }

    public string? DetailedStatus { get; set; }

    public int? NumberOfPages { get; set; }

    public string? SubmitTime { get; set; }

    public string? StartTime { get; set; }

    public string? EndTime { get; set; }

    public string? FailureReason { get; set; }

    [JsonPropertyName("Q931Code")]
    public int? Q931Code { get; set; }

    /// <summary>The submit date of an item of the outbound list (<c>…/Outbound/Mine</c>).</summary>
    public string? Date { get; set; }

    /// <summary>Present when the body is wrapped as <c>{ "fax": { … } }</c>.</summary>
    public StoneFaxFax? Fax { get; set; }

    /// <summary>Present when the body is the outbound list, <c>{ "faxList": [ … ] }</c> (documented as <c>faxlist</c>).</summary>
    [JsonConverter(typeof(StoneFaxListConverter))]
    public List<StoneFaxFax>? FaxList { get; set; }
}
