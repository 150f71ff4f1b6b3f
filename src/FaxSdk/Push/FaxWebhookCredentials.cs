using System.Security.Cryptography;
using System.Text;

namespace FaxSdk;

/// <summary>
/// Constant-time checks of the credentials that unsigned push channels carry (a Basic <c>Authorization</c> header, a
/// bearer token, a secret in a header or the URL), shared by the provider packages' webhook receivers.
/// </summary>
/// <remarks>
/// <para>Both sides are hashed (SHA-256 of their UTF-8 bytes) and the hashes compared with
/// <see cref="CryptographicOperations.FixedTimeEquals"/>, so neither the content nor the length of a configured secret
/// shows in the time a check takes. The current and the previous credential (during a rotation) are both compared,
/// always, and the results combined without an early exit.</para>
/// <para>A configured credential that is empty never matches anything, not even an empty presented value. Failure
/// reasons are fixed texts: they never contain a presented or configured value, so they are safe to log.</para>
/// </remarks>
public static class FaxWebhookCredentials
{
    /// <summary>The longest <c>Authorization</c> header or presented secret examined: 8 Ki characters; longer ones fail unread.</summary>
    public const int MaxPresentedLength = 8 * 1024;

    /// <summary>Whether a presented secret equals the expected one, compared in constant time over their SHA-256 hashes.</summary>
    /// <param name="presented">The value from the request, if any.</param>
    /// <param name="expected">The configured secret.</param>
    /// <returns><see langword="true"/> only when both are non-empty and equal (ordinal).</returns>
    public static bool SecretEquals(string? presented, string? expected)
    {
        if (string.IsNullOrEmpty(expected))
        {
            return false;
        }

        // A missing or oversized value is compared as the empty string: the work done is the same either way.
        var usable = presented is { Length: > 0 and <= MaxPresentedLength };
        Span<byte> left = stackalloc byte[SHA256.HashSizeInBytes];
        Span<byte> right = stackalloc byte[SHA256.HashSizeInBytes];
        Hash(usable ? presented! : string.Empty, left);
        Hash(expected, right);
        return CryptographicOperations.FixedTimeEquals(left, right) & usable;
    }

    /// <summary>Checks a secret the request presented (a header value, a path segment or a query parameter) against the current and the previous secret.</summary>
    /// <param name="presented">The value from the request, or <see langword="null"/> when it carried none.</param>
    /// <param name="secret">The configured secret.</param>
    /// <param name="previousSecret">The secret being rotated out, still accepted; <see langword="null"/> when there is none.</param>
    /// <returns>Success, or a failure: <c>no secret configured</c>, <c>missing secret</c>, <c>wrong secret</c>.</returns>
    public static FaxWebhookAuthentication VerifySecret(string? presented, string? secret, string? previousSecret = null)
    {
        if (string.IsNullOrEmpty(secret))
        {
            return FaxWebhookAuthentication.Fail("no secret configured");
        }

        if (string.IsNullOrEmpty(presented))
        {
            return FaxWebhookAuthentication.Fail("missing secret");
        }

        return MatchesEither(presented, secret, previousSecret) ? FaxWebhookAuthentication.Success : FaxWebhookAuthentication.Fail("wrong secret");
    }

    /// <summary>Checks an <c>Authorization: Bearer …</c> header against the current and the previous token.</summary>
    /// <param name="authorization">The <c>Authorization</c> header, or <see langword="null"/> when absent.</param>
    /// <param name="secret">The configured token.</param>
    /// <param name="previousSecret">The token being rotated out, still accepted; <see langword="null"/> when there is none.</param>
    /// <returns>Success, or a failure: <c>no secret configured</c>, <c>missing Authorization header</c>,
    /// <c>not Bearer authentication</c>, <c>wrong bearer token</c>.</returns>
    public static FaxWebhookAuthentication VerifyBearer(string? authorization, string? secret, string? previousSecret = null)
    {
        if (string.IsNullOrEmpty(secret))
        {
            return FaxWebhookAuthentication.Fail("no secret configured");
        }

        if (string.IsNullOrWhiteSpace(authorization))
        {
            return FaxWebhookAuthentication.Fail("missing Authorization header");
        }

        if (!TryScheme(authorization, "Bearer", out var token))
        {
            return FaxWebhookAuthentication.Fail("not Bearer authentication");
        }

        return MatchesEither(token, secret, previousSecret) ? FaxWebhookAuthentication.Success : FaxWebhookAuthentication.Fail("wrong bearer token");
    }

    /// <summary>Checks an <c>Authorization: Basic …</c> header (RFC 7617, UTF-8) against the current and the previous user and password.</summary>
    /// <param name="authorization">The <c>Authorization</c> header, or <see langword="null"/> when absent.</param>
    /// <param name="username">The configured user.</param>
    /// <param name="password">The configured password.</param>
    /// <param name="previousUsername">The user of the pair being rotated out (<see langword="null"/>: the current user).</param>
    /// <param name="previousPassword">The password being rotated out, still accepted; <see langword="null"/> when there is none.</param>
    /// <returns>Success, or a failure: <c>no credentials configured</c>, <c>missing Authorization header</c>,
    /// <c>not Basic authentication</c>, <c>malformed Basic credentials</c>, <c>wrong credentials</c>.</returns>
    public static FaxWebhookAuthentication VerifyBasic(string? authorization, string? username, string? password, string? previousUsername = null, string? previousPassword = null)
    {
        if (string.IsNullOrEmpty(username) || string.IsNullOrEmpty(password))
        {
            return FaxWebhookAuthentication.Fail("no credentials configured");
        }

        if (string.IsNullOrWhiteSpace(authorization))
        {
            return FaxWebhookAuthentication.Fail("missing Authorization header");
        }

        if (!TryScheme(authorization, "Basic", out var encoded))
        {
            return FaxWebhookAuthentication.Fail("not Basic authentication");
        }

        if (!TryDecodeBasic(encoded, out var presentedUser, out var presentedPassword))
        {
            return FaxWebhookAuthentication.Fail("malformed Basic credentials");
        }

        // Every comparison runs, whatever the earlier ones found: '&' and '|', never '&&' and '||'.
        var current = SecretEquals(presentedUser, username) & SecretEquals(presentedPassword, password);
        var hasPrevious = !string.IsNullOrEmpty(previousPassword);
        var previous = SecretEquals(presentedUser, string.IsNullOrEmpty(previousUsername) ? username : previousUsername)
            & SecretEquals(presentedPassword, hasPrevious ? previousPassword : password) & hasPrevious;
        return current | previous ? FaxWebhookAuthentication.Success : FaxWebhookAuthentication.Fail("wrong credentials");
    }

    private static bool MatchesEither(string presented, string secret, string? previousSecret)
    {
        var hasPrevious = !string.IsNullOrEmpty(previousSecret);
        return SecretEquals(presented, secret) | (SecretEquals(presented, hasPrevious ? previousSecret : secret) & hasPrevious);
    }

    private static bool TryScheme(string authorization, string scheme, out string parameter)
    {
        parameter = string.Empty;
        var value = authorization.AsSpan().Trim();
        if (value.Length > MaxPresentedLength || value.Length <= scheme.Length || !value.StartsWith(scheme, StringComparison.OrdinalIgnoreCase) || value[scheme.Length] != ' ')
        {
            return false;
        }

        parameter = value[(scheme.Length + 1)..].Trim().ToString();
        return parameter.Length > 0;
    }

    private static bool TryDecodeBasic(string encoded, out string user, out string password)
    {
        user = password = string.Empty;
        var bytes = new byte[(encoded.Length / 4 * 3) + 3];
        if (!Convert.TryFromBase64String(encoded, bytes, out var written))
        {
            return false;
        }

        string decoded;
        try
        {
            decoded = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(bytes, 0, written);
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(bytes);
        }

        // RFC 7617: the user id cannot contain a colon; the password may.
        var colon = decoded.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0)
        {
            return false;
        }

        user = decoded[..colon];
        password = decoded[(colon + 1)..];
        return true;
    }

    private static void Hash(string value, Span<byte> destination)
    {
        var bytes = Encoding.UTF8.GetBytes(value);
        SHA256.HashData(bytes, destination);
        CryptographicOperations.ZeroMemory(bytes);
    }
}
