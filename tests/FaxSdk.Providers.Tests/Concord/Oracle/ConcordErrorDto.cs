namespace FaxSdk.Providers.Tests.Concord.Oracle;

/// <summary>A <c>WSError</c>: <c>{ErrorCode, ErrorString}</c>.</summary>
internal sealed class ConcordErrorDto
{
    public int ErrorCode { get; set; }

    public string? ErrorString { get; set; }
}
