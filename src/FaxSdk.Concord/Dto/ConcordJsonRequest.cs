using System.Text.Json.Serialization;

namespace FaxSdk.Concord.Dto;

/// <summary>The JSON request: <c>{"GetFaxStatus": {"UserID", "strPIN"?, "FaxJobIds": [{"JobId"}]}}</c>.</summary>
internal sealed class ConcordJsonRequest
{
    public required ConcordGetFaxStatus GetFaxStatus { get; init; }
}
