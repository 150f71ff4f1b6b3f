using System.Text.Json.Serialization;

namespace FaxSdk.Concord.Dto;

/// <summary>The JSON request: <c>{"GetFaxStatus": {"UserID", "strPIN"?, "FaxJobIds": [{"JobId"}]}}</c>.</summary>
internal sealed class ConcordJsonRequest
{
    public required ConcordGetFaxStatus GetFaxStatus { get; init; }
}

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

/// <summary>A <c>FaxJobId</c>.</summary>
internal sealed class ConcordJobIdDto
{
    public required string JobId { get; init; }
}
