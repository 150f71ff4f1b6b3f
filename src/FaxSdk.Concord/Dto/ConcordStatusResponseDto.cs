using System.Text.Json.Serialization;

namespace FaxSdk.Concord.Dto;

/// <summary>The body of the answer, shared by the JSON and SOAP readers.</summary>
internal sealed class ConcordStatusResponseDto
{
    [JsonPropertyName("return")]
    public bool? Return { get; set; }

    public List<ConcordFaxStatusDto>? FaxStatusList { get; set; }

    public ConcordErrorDto? WSError { get; set; }
}
