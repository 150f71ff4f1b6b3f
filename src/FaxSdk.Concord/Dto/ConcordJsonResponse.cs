using System.Text.Json.Serialization;

namespace FaxSdk.Concord.Dto;

/// <summary>The JSON answer: <c>{"GetFaxStatusResponse": {...}}</c>.</summary>
internal sealed class ConcordJsonResponse
{
    public ConcordStatusResponseDto? GetFaxStatusResponse { get; set; }
}
