using System.Text.Json;

namespace FaxSdk.Pantarey.Dto;

/// <summary>The "Query fax status" task output.</summary>
internal sealed class PantareyQueryOutput
{
    public string? JobId { get; set; }

    public string? Status { get; set; }

    /// <summary>Type not documented (number or string): kept as raw JSON.</summary>
    public JsonElement? ErrorCode { get; set; }

    public PantareyStatistics? Statistics { get; set; }

    public List<PantareyRecipient>? Recipients { get; set; }
}
