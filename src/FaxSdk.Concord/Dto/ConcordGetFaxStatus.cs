using System.Text.Json.Serialization;

namespace FaxSdk.Concord.Dto;

/// <summary>The operation's parameters.</summary>
internal sealed class ConcordGetFaxStatus
{
    [JsonPropertyName("UserID")]
    public required string UserId { get; init; }

    [JsonPropertyName("strPIN")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Pin { get; init; }

    public required IReadOnlyList<ConcordJobIdDto> FaxJobIds { get; init; }
}
