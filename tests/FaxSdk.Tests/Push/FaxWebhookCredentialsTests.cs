using System.Text;
using FsCheck;
using FsCheck.Xunit;

namespace FaxSdk.Tests.Push;

public class FaxWebhookCredentialsTests
{
    private const string User = "fax-push";
    private const string Password = "s3cret:with-colon-ünïcode";
    private const string OldPassword = "old-password-0123456789";
    private const string Secret = "9f2c1e7a5b3d4c6e8f0a1b2c3d4e5f60";
    private const string OldSecret = "0a1b2c3d4e5f60718293a4b5c6d7e8f9";

    private static string Basic(string user, string password) =>
        "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}"));

    [Fact]
    public void Basic_accepts_the_configured_pair_with_a_colon_and_non_ascii_in_the_password_and_any_scheme_case()
    {
        Assert.True(FaxWebhookCredentials.VerifyBasic(Basic(User, Password), User, Password).Succeeded);
        Assert.True(FaxWebhookCredentials.VerifyBasic(Basic(User, Password).Replace("Basic", "bAsIc", StringComparison.Ordinal), User, Password).Succeeded);
    }

    [Theory]
    [InlineData(User, "s3cret:with-colon-ünïcodE")]
    [InlineData("Fax-push", Password)]
    [InlineData(User, "")]
    [InlineData(User, "s3cret:with-colon-ünïcode ")]
    public void Basic_refuses_a_wrong_user_or_password(string user, string password)
    {
        var result = FaxWebhookCredentials.VerifyBasic(Basic(user, password), User, Password);

        Assert.False(result.Succeeded);
        Assert.Equal("wrong credentials", result.FailureReason);
    }

    [Theory]
    [InlineData(null, "missing Authorization header")]
    [InlineData("", "missing Authorization header")]
    [InlineData("Bearer abc", "not Basic authentication")]
    [InlineData("Basic", "not Basic authentication")]
    [InlineData("Basicxyz", "not Basic authentication")]
    [InlineData("Basic !!!not-base64!!!", "malformed Basic credentials")]
    [InlineData("Basic bm8tY29sb24=", "malformed Basic credentials")] // "no-colon"
    [InlineData("Basic /w==", "malformed Basic credentials")] // 0xFF: not UTF-8
    public void Basic_names_why_a_header_is_refused_without_echoing_it(string? header, string reason)
    {
        var result = FaxWebhookCredentials.VerifyBasic(header, User, Password);

        Assert.False(result.Succeeded);
        Assert.Equal(reason, result.FailureReason);
    }

    [Fact]
    public void Basic_accepts_the_previous_password_during_a_rotation_and_not_after_it()
    {
        var old = Basic(User, OldPassword);

        Assert.True(FaxWebhookCredentials.VerifyBasic(old, User, Password, previousPassword: OldPassword).Succeeded);
        Assert.True(FaxWebhookCredentials.VerifyBasic(Basic(User, Password), User, Password, previousPassword: OldPassword).Succeeded);
        Assert.False(FaxWebhookCredentials.VerifyBasic(old, User, Password).Succeeded);
    }

    [Fact]
    public void Basic_rotation_pairs_are_not_mixed()
    {
        // The previous pair is (old-user, old-password): the current user with the old password is neither pair.
        Assert.True(FaxWebhookCredentials.VerifyBasic(Basic("old-user", OldPassword), User, Password, "old-user", OldPassword).Succeeded);
        Assert.False(FaxWebhookCredentials.VerifyBasic(Basic(User, OldPassword), User, Password, "old-user", OldPassword).Succeeded);
        Assert.False(FaxWebhookCredentials.VerifyBasic(Basic("old-user", Password), User, Password, "old-user", OldPassword).Succeeded);
    }

    [Fact]
    public void Nothing_matches_when_nothing_is_configured()
    {
        Assert.Equal("no credentials configured", FaxWebhookCredentials.VerifyBasic(Basic("", ""), "", "").FailureReason);
        Assert.Equal("no credentials configured", FaxWebhookCredentials.VerifyBasic(Basic(User, ""), User, null).FailureReason);
        Assert.Equal("no secret configured", FaxWebhookCredentials.VerifyBearer("Bearer ", "").FailureReason);
        Assert.Equal("no secret configured", FaxWebhookCredentials.VerifySecret("", null).FailureReason);
        Assert.False(FaxWebhookCredentials.SecretEquals("", ""));
        Assert.False(FaxWebhookCredentials.SecretEquals(null, null));
    }

    [Fact]
    public void Bearer_accepts_the_current_and_the_previous_token_only()
    {
        Assert.True(FaxWebhookCredentials.VerifyBearer($"Bearer {Secret}", Secret, OldSecret).Succeeded);
        Assert.True(FaxWebhookCredentials.VerifyBearer($"bearer  {OldSecret} ", Secret, OldSecret).Succeeded);
        Assert.Equal("wrong bearer token", FaxWebhookCredentials.VerifyBearer($"Bearer {OldSecret}", Secret).FailureReason);
        Assert.Equal("wrong bearer token", FaxWebhookCredentials.VerifyBearer($"Bearer {Secret[..^1]}", Secret, OldSecret).FailureReason);
        Assert.Equal("not Bearer authentication", FaxWebhookCredentials.VerifyBearer(Basic(User, Secret), Secret).FailureReason);
        Assert.Equal("not Bearer authentication", FaxWebhookCredentials.VerifyBearer("Bearer ", Secret).FailureReason);
        Assert.Equal("missing Authorization header", FaxWebhookCredentials.VerifyBearer(null, Secret).FailureReason);
    }

    [Fact]
    public void Secret_accepts_the_current_and_the_previous_secret_only()
    {
        Assert.True(FaxWebhookCredentials.VerifySecret(Secret, Secret, OldSecret).Succeeded);
        Assert.True(FaxWebhookCredentials.VerifySecret(OldSecret, Secret, OldSecret).Succeeded);
        Assert.Equal("wrong secret", FaxWebhookCredentials.VerifySecret(OldSecret, Secret).FailureReason);
        Assert.Equal("wrong secret", FaxWebhookCredentials.VerifySecret(Secret.ToUpperInvariant(), Secret).FailureReason);
        Assert.Equal("missing secret", FaxWebhookCredentials.VerifySecret(null, Secret).FailureReason);
    }

    [Fact]
    public void An_oversized_presented_value_is_refused_even_when_it_is_the_secret()
    {
        var huge = new string('a', FaxWebhookCredentials.MaxPresentedLength + 1);

        Assert.False(FaxWebhookCredentials.SecretEquals(huge, huge));
        Assert.False(FaxWebhookCredentials.VerifyBearer("Bearer " + huge, huge).Succeeded);
        Assert.True(FaxWebhookCredentials.SecretEquals(huge[1..], huge[1..]));
    }

    [Property(MaxTest = 300)]
    public bool SecretEquals_is_ordinal_equality_of_non_empty_values(NonEmptyString presented, NonEmptyString expected) =>
        FaxWebhookCredentials.SecretEquals(presented.Get, expected.Get) == string.Equals(presented.Get, expected.Get, StringComparison.Ordinal)
        && FaxWebhookCredentials.SecretEquals(expected.Get, expected.Get);

    [Property(MaxTest = 200)]
    public bool A_failure_reason_never_contains_what_was_presented(NonEmptyString presented)
    {
        var value = "zz" + presented.Get + "zz";
        var reasons = new[]
        {
            FaxWebhookCredentials.VerifySecret(value, Secret).FailureReason,
            FaxWebhookCredentials.VerifyBearer("Bearer " + value, Secret).FailureReason,
            FaxWebhookCredentials.VerifyBasic(Basic(value, value), User, Password).FailureReason,
            FaxWebhookCredentials.VerifyBasic("Basic " + value, User, Password).FailureReason,
        };
        return reasons.All(r => r is not null && !r.Contains(value, StringComparison.Ordinal));
    }
}
