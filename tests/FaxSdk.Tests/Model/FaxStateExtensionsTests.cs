namespace FaxSdk.Tests.Model;

public class FaxStateExtensionsTests
{
    [Theory]
    [InlineData(FaxJobState.Unknown, false)]
    [InlineData(FaxJobState.Pending, false)]
    [InlineData(FaxJobState.InProgress, false)]
    [InlineData(FaxJobState.Paused, false)]
    [InlineData(FaxJobState.Succeeded, true)]
    [InlineData(FaxJobState.PartiallySucceeded, true)]
    [InlineData(FaxJobState.Failed, true)]
    [InlineData(FaxJobState.Canceled, true)]
    public void Job_state_terminality(FaxJobState state, bool terminal) => Assert.Equal(terminal, state.IsTerminal());

    [Theory]
    [InlineData(FaxRecipientState.Unknown, false)]
    [InlineData(FaxRecipientState.Pending, false)]
    [InlineData(FaxRecipientState.Dialing, false)]
    [InlineData(FaxRecipientState.Transmitting, false)]
    [InlineData(FaxRecipientState.RetryScheduled, false)]
    [InlineData(FaxRecipientState.Succeeded, true)]
    [InlineData(FaxRecipientState.Failed, true)]
    [InlineData(FaxRecipientState.Canceled, true)]
    public void Recipient_state_terminality(FaxRecipientState state, bool terminal) => Assert.Equal(terminal, state.IsTerminal());

    [Theory]
    [InlineData(FaxFailureCategory.Busy, true)]
    [InlineData(FaxFailureCategory.NoAnswer, true)]
    [InlineData(FaxFailureCategory.NotAFaxDevice, true)]
    [InlineData(FaxFailureCategory.NetworkError, true)]
    [InlineData(FaxFailureCategory.TransmissionError, true)]
    [InlineData(FaxFailureCategory.ProviderError, true)]
    [InlineData(FaxFailureCategory.InvalidNumber, false)]
    [InlineData(FaxFailureCategory.Rejected, false)]
    [InlineData(FaxFailureCategory.IncompatibleDestination, false)]
    [InlineData(FaxFailureCategory.UnconfirmedDelivery, false)]
    [InlineData(FaxFailureCategory.DocumentError, false)]
    [InlineData(FaxFailureCategory.AccountError, false)]
    [InlineData(FaxFailureCategory.Canceled, false)]
    [InlineData(FaxFailureCategory.Unknown, false)]
    public void Failure_category_retryability(FaxFailureCategory category, bool retryable)
    {
        Assert.Equal(retryable, category.IsRetryable());
        Assert.Equal(retryable, new FaxError(category).IsRetryable);
    }

    [Fact]
    public void Every_enum_value_is_covered_by_the_tables_above()
    {
        // The theories above list each value once; a new enum member must be classified there.
        Assert.Equal(8, Enum.GetValues<FaxJobState>().Length);
        Assert.Equal(8, Enum.GetValues<FaxRecipientState>().Length);
        Assert.Equal(14, Enum.GetValues<FaxFailureCategory>().Length);
    }
}
