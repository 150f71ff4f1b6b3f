using System.Text.Json.Serialization;
using FaxSdk.Transport;

namespace FaxSdk.Providers.Tests.Pantarey.Oracle;

/// <summary>The "Query fax status" task output, plus markers of the shapes it is confused with.</summary>
internal sealed class PantareyQueryOutput
{
    public string? JobId { get; set; }

    public string? Status { get; set; }

    /// <summary>Type not documented (number or string): read as text.</summary>
    [JsonConverter(typeof(PantareyCodeConverter))]
    public string? ErrorCode { get; set; }

    public PantareyStatistics? Statistics { get; set; }

    /// <summary>Per-recipient results; a <see langword="null"/> element is reported as an error, not skipped.</summary>
    public List<PantareyRecipient?>? Recipients { get; set; }

    /// <summary>The "Send fax" task's output holds the job under <c>faxJob</c>.</summary>
    [JsonConverter(typeof(FaxPresenceConverter))]
    public bool FaxJob { get; set; }

    /// <summary>The "Query fax status" task's input is <c>{"jobId", "test"}</c>.</summary>
    [JsonConverter(typeof(FaxPresenceConverter))]
    public bool Test { get; set; }
}
