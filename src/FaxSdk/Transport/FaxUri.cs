namespace FaxSdk.Transport;

/// <summary>Builds request URIs from a base address and untrusted values such as job ids.</summary>
public static class FaxUri
{
    /// <summary>
    /// Escapes a value into exactly one URL path segment: every reserved character is percent-encoded (so <c>/</c>,
    /// <c>?</c>, <c>#</c> and <c>%</c> cannot change the route). The dot segments <c>.</c> and <c>..</c> are refused,
    /// not escaped: servers decode <c>%2E</c> and normalise the segment away, so the request would reach another
    /// resource. Values with control characters are refused too.
    /// </summary>
    /// <param name="value">The raw value, such as a job id.</param>
    /// <returns>The escaped segment.</returns>
    /// <exception cref="ArgumentException"><paramref name="value"/> is empty, <c>.</c> or <c>..</c>, or holds a control character.</exception>
    public static string EscapePathSegment(string value)
    {
        ArgumentException.ThrowIfNullOrEmpty(value);
        if (value is "." or "..")
        {
            throw new ArgumentException("A dot segment ('.' or '..') cannot be a path segment: servers normalise it away.", nameof(value));
        }

        if (value.Any(char.IsControl))
        {
            throw new ArgumentException("A path segment cannot hold control characters.", nameof(value));
        }

        return Uri.EscapeDataString(value);
    }

    /// <summary>
    /// Appends already-escaped path segments to a base address, whether or not its path ends in <c>/</c>. The result is
    /// not canonicalised, so escaped dot segments stay escaped on the wire.
    /// </summary>
    /// <param name="baseAddress">An absolute base address, such as <c>https://api.phaxio.com/v2.1/</c>.</param>
    /// <param name="escapedSegments">Segments escaped with <see cref="EscapePathSegment"/> (or literal route parts).</param>
    /// <returns>The absolute URI.</returns>
    /// <exception cref="ArgumentException"><paramref name="baseAddress"/> is not absolute.</exception>
    public static Uri Combine(Uri baseAddress, params string[] escapedSegments)
    {
        ArgumentNullException.ThrowIfNull(baseAddress);
        ArgumentNullException.ThrowIfNull(escapedSegments);
        if (!baseAddress.IsAbsoluteUri)
        {
            throw new ArgumentException("The base address must be absolute.", nameof(baseAddress));
        }

        var left = baseAddress.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped).TrimEnd('/');
        var path = string.Join('/', escapedSegments.Select(s => s.Trim('/')));
        var query = baseAddress.Query;

        // Canonicalisation would unescape %2E%2E back to ".." and then remove the dot segments, so an id of ".."
        // would change the route: the segments are escaped already, so the URI is kept exactly as built.
        return new Uri(left + "/" + path + query, new UriCreationOptions { DangerousDisablePathAndQueryCanonicalization = true });
    }
}
