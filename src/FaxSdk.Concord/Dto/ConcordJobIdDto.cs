using System.Text.Json.Serialization;

namespace FaxSdk.Concord.Dto;

/// <summary>A <c>FaxJobId</c>.</summary>
internal sealed class ConcordJobIdDto
{
    public required string JobId { get; init; }
}
