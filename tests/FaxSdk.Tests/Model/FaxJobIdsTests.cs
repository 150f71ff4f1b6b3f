namespace FaxSdk.Tests.Model;

public class FaxJobIdsTests
{
    [Theory]
    [InlineData("", "empty")]
    [InlineData("   ", "empty")]
    [InlineData(".", "dot segment")]
    [InlineData("..", "dot segment")]
    [InlineData("a\u001b[31mred", "control character")]
    [InlineData("line\nbreak", "control character")]
    [InlineData("nul\0", "control character")]
    [InlineData("c1\u0085", "control character")]
    public void Invalid_ids_are_refused_with_a_typed_argument_exception(string jobId, string reason)
    {
        var exception = Assert.Throws<FaxInvalidJobIdException>(() => new FaxJobReference("phaxio", jobId));

        Assert.IsAssignableFrom<ArgumentException>(exception);
        Assert.Equal(jobId, exception.JobId);
        Assert.Contains(reason, exception.Reason, StringComparison.Ordinal);
        Assert.Equal("jobId", exception.ParamName);
        Assert.DoesNotContain(exception.Message, c => char.IsControl(c) || char.IsSurrogate(c));
    }

    [Fact]
    public void A_lone_surrogate_is_refused()
    {
        // Not an InlineData: the test runner would replace the lone surrogate with U+FFFD.
        var exception = Assert.Throws<FaxInvalidJobIdException>(() => new FaxJobReference("phaxio", "lone" + (char)0xD800));

        Assert.Contains("lone surrogate", exception.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Ids_longer_than_the_bound_are_refused()
    {
        Assert.Throws<FaxInvalidJobIdException>(() => new FaxJobReference("phaxio", new string('1', FaxJobIds.MaxLength + 1)));
        Assert.Equal(FaxJobIds.MaxLength, new FaxJobReference("phaxio", new string('1', FaxJobIds.MaxLength)).JobId.Length);
    }

    [Theory]
    [InlineData("123456")]
    [InlineData("...")]
    [InlineData(".hidden")]
    [InlineData("IAS-N1_6a504a1d 0")]
    [InlineData("JRI-REF/1234?x#y")]
    [InlineData("überfax-😀")]
    public void Ordinary_and_odd_but_safe_ids_are_kept(string jobId)
    {
        Assert.True(FaxJobIds.IsValid(jobId));
        Assert.Equal(jobId, new FaxJobReference("phaxio", jobId).JobId);
    }

    [Fact]
    public void Null_stays_an_argument_null_exception() =>
        Assert.Throws<ArgumentNullException>(() => new FaxJobReference("phaxio", null!));
}
