namespace FaxSdk.Concord;

/// <summary>Builds Concord job ids.</summary>
public static class ConcordJobIds
{
    /// <summary>The prefix that makes a status call look a job up by the customer's <c>ReferenceId</c>.</summary>
    public const string ReferencePrefix = "JRI-";

    /// <summary>The job id that finds a job by the <c>ReferenceId</c> given when it was sent (which must be unique).</summary>
    /// <param name="referenceId">The customer reference.</param>
    /// <returns><c>JRI-{referenceId}</c>.</returns>
    public static string FromReference(string referenceId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(referenceId);
        return ReferencePrefix + referenceId;
    }
}
