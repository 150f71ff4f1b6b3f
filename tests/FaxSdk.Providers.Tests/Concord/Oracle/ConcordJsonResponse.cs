namespace FaxSdk.Providers.Tests.Concord.Oracle;

/// <summary>The JSON answer, named after the operation: <c>{"GetFaxStatusResponse": {...}}</c>, <c>{"GetRealTimeFaxStatusExResponse": {...}}</c>, ….</summary>
internal sealed class ConcordJsonResponse
{
    public ConcordStatusResponseDto? GetFaxStatusResponse { get; set; }

    public ConcordStatusResponseDto? GetRealTimeFaxStatusResponse { get; set; }

    public ConcordStatusResponseDto? GetRealTimeFaxStatusExResponse { get; set; }

    public ConcordStatusResponseDto? GetRealTimeFaxStatusEx2Response { get; set; }

    public ConcordStatusResponseDto? GetRealTimeFaxStatusEx3Response { get; set; }

    public ConcordSimpleResponseDto? SimpleGetFaxStatusResponse { get; set; }

    /// <summary>The list answer present, whichever operation it came from.</summary>
    public ConcordStatusResponseDto? ListResponse =>
        GetFaxStatusResponse ?? GetRealTimeFaxStatusExResponse ?? GetRealTimeFaxStatusEx2Response ?? GetRealTimeFaxStatusEx3Response ?? GetRealTimeFaxStatusResponse;
}
