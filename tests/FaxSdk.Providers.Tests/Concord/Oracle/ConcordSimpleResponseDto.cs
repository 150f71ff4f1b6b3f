using System.Text.Json.Serialization;

namespace FaxSdk.Providers.Tests.Concord.Oracle;

/// <summary>The <c>SimpleGetFaxStatus</c> answer: <c>return</c> is the status id (1, 2, 3 or -5019), with no job id.</summary>
internal sealed class ConcordSimpleResponseDto
{
    [JsonPropertyName("return")]
    public long? Return { get; set; }
}
