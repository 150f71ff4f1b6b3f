namespace FaxSdk;

/// <summary>
/// One report from a provider's report feed: the job's final status plus what the provider needs to delete the report
/// once the caller has processed it (see <see cref="IFaxReportFeedProvider.AcknowledgeAsync"/>).
/// </summary>
public sealed record FaxReport
{
    /// <summary>The job's status as the report describes it.</summary>
    public required FaxJobStatus Status { get; init; }

    /// <summary>Where the report is stored (for example the data centres it was found on); used to delete it.</summary>
    public required IReadOnlyList<string> Locations { get; init; }

    /// <summary>Provider-specific values the canonical model has no place for (for example a customer reference or billing code).</summary>
    public IReadOnlyDictionary<string, string> Properties { get; init; } = new Dictionary<string, string>();
}
