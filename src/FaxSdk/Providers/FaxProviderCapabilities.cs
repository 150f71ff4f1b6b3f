namespace FaxSdk;

/// <summary>What a provider integration can do.</summary>
[Flags]
public enum FaxProviderCapabilities
{
    /// <summary>Nothing declared.</summary>
    None = 0,

    /// <summary>Status of one job per request (<see cref="IFaxStatusProvider.GetStatusAsync"/>).</summary>
    SingleQuery = 1,

    /// <summary>Status of many jobs per request (<see cref="IFaxBatchStatusProvider"/>).</summary>
    BatchQuery = 2,

    /// <summary>A feed of completed-job reports that must be acknowledged.</summary>
    ReportFeed = 4,

    /// <summary>Jobs can live in a sandbox/test mode that must be named when querying them.</summary>
    Sandbox = 8,
}
