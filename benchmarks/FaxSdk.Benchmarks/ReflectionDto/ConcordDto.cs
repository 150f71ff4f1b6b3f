namespace FaxSdk.Benchmarks.ReflectionDto;

/// <summary>The Concord JSON GetFaxStatus answer as a user would model it (PascalCase members and a lower-case
/// <c>return</c>: read case-insensitively).</summary>
internal sealed class ConcordEnvelopeDto
{
    public ConcordStatusResponseDto? GetFaxStatusResponse { get; set; }
}

/// <summary>The GetFaxStatusResponse object.</summary>
internal sealed class ConcordStatusResponseDto
{
    public bool Return { get; set; }

    public List<ConcordFaxStatusDto>? FaxStatusList { get; set; }

    public ConcordErrorDto? WSError { get; set; }
}

/// <summary>One FaxStatus item.</summary>
internal sealed class ConcordFaxStatusDto
{
    public string? FaxJobId { get; set; }

    public int FaxJobStatusId { get; set; }

    public string? StatusDescription { get; set; }

    public ConcordErrorDto? Error { get; set; }
}

/// <summary>A Concord error object.</summary>
internal sealed class ConcordErrorDto
{
    public int ErrorCode { get; set; }

    public string? ErrorString { get; set; }
}
