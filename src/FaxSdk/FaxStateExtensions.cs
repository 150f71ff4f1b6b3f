namespace FaxSdk;

/// <summary>Facts about the canonical states and failure categories, defined once for every provider.</summary>
public static class FaxStateExtensions
{
    /// <summary>Whether a job in this state has its final result.</summary>
    /// <param name="state">The job state.</param>
    /// <returns><see langword="true"/> for <see cref="FaxJobState.Succeeded"/>, <see cref="FaxJobState.PartiallySucceeded"/>,
    /// <see cref="FaxJobState.Failed"/> and <see cref="FaxJobState.Canceled"/>; otherwise <see langword="false"/>.</returns>
    public static bool IsTerminal(this FaxJobState state) => state is
        FaxJobState.Succeeded or FaxJobState.PartiallySucceeded or FaxJobState.Failed or FaxJobState.Canceled;

    /// <summary>Whether delivery to a recipient in this state has its final result.</summary>
    /// <param name="state">The recipient state.</param>
    /// <returns><see langword="true"/> for <see cref="FaxRecipientState.Succeeded"/>, <see cref="FaxRecipientState.Failed"/>
    /// and <see cref="FaxRecipientState.Canceled"/>; otherwise <see langword="false"/>.</returns>
    public static bool IsTerminal(this FaxRecipientState state) => state is
        FaxRecipientState.Succeeded or FaxRecipientState.Failed or FaxRecipientState.Canceled;

    /// <summary>Whether sending the same fax again later may succeed where this failure happened.</summary>
    /// <param name="category">The failure category.</param>
    /// <returns>See <see cref="FaxFailureCategory"/> for the table.</returns>
    public static bool IsRetryable(this FaxFailureCategory category) => category is
        FaxFailureCategory.Busy or FaxFailureCategory.NoAnswer or FaxFailureCategory.NotAFaxDevice or
        FaxFailureCategory.NetworkError or FaxFailureCategory.TransmissionError or FaxFailureCategory.ProviderError;
}
