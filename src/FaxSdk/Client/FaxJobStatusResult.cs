namespace FaxSdk;

/// <summary>One job's answer in <see cref="FaxStatusClient.GetStatusesAsync"/>: its status, or the error that kept it from being read.</summary>
public sealed record FaxJobStatusResult
{
    /// <summary>The job asked about.</summary>
    public required FaxJobReference Job { get; init; }

    /// <summary>The status, or <see langword="null"/> when <see cref="Error"/> is set.</summary>
    public FaxJobStatus? Status { get; init; }

    /// <summary>Why the status could not be read, or <see langword="null"/> when <see cref="Status"/> is set.</summary>
    public FaxSdkException? Error { get; init; }

    /// <summary>Whether the status was read.</summary>
    public bool IsSuccess => Status is not null;
}
