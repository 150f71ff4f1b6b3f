using System.Text.Json.Serialization;

namespace FaxSdk.Providers.Tests.Concord.Oracle;

/// <summary>The body of a list answer (<c>GetFaxStatus</c>, <c>GetRealTimeFaxStatus…</c>), shared by the JSON and SOAP readers.</summary>
internal sealed class ConcordStatusResponseDto
{
    [JsonPropertyName("return")]
    public bool? Return { get; set; }

    [JsonConverter(typeof(ConcordStatusListConverter))]
    public List<ConcordFaxStatusDto?>? FaxStatusList { get; set; }

    public ConcordErrorDto? WSError { get; set; }
}
