namespace FaxSdk;

/// <summary>The rule every job id must pass before FaxSdk sends it anywhere.</summary>
/// <remarks>
/// A job id is refused when it is empty or only white space, is <c>.</c> or <c>..</c> (servers normalise these dot
/// segments away, so the request would reach another resource), is longer than <see cref="MaxLength"/> characters,
/// or holds a control character (C0, DEL, C1) or a lone UTF-16 surrogate (neither fits in a URL, a JSON or an XML
/// request as the provider would read it).
/// </remarks>
public static class FaxJobIds
{
    /// <summary>The longest job id accepted: 1024 characters (provider ids are far shorter).</summary>
    public const int MaxLength = 1024;

    /// <summary>Checks a job id.</summary>
    /// <param name="jobId">The id.</param>
    /// <param name="paramName">The parameter name for the exception.</param>
    /// <returns><paramref name="jobId"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="jobId"/> is <see langword="null"/>.</exception>
    /// <exception cref="FaxInvalidJobIdException">The id breaks the rule.</exception>
    public static string Validate(string jobId, string? paramName = "jobId")
    {
        ArgumentNullException.ThrowIfNull(jobId, paramName);
        if (Problem(jobId) is { } reason)
        {
            throw new FaxInvalidJobIdException(jobId, reason, paramName);
        }

        return jobId;
    }

    /// <summary>Whether a job id passes the rule.</summary>
    /// <param name="jobId">The id.</param>
    /// <returns><see langword="true"/> when it may be sent.</returns>
    public static bool IsValid(string? jobId) => jobId is not null && Problem(jobId) is null;

    private static string? Problem(string jobId)
    {
        if (string.IsNullOrWhiteSpace(jobId))
        {
            return "it is empty";
        }

        if (jobId is "." or "..")
        {
            return "it is a dot segment";
        }

        if (jobId.Length > MaxLength)
        {
            return $"it is longer than {MaxLength} characters";
        }

        for (var i = 0; i < jobId.Length; i++)
        {
            var c = jobId[i];
            if (char.IsControl(c))
            {
                return "it contains a control character";
            }

            if (char.IsHighSurrogate(c) && i + 1 < jobId.Length && char.IsLowSurrogate(jobId[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(c))
            {
                return "it contains a lone surrogate";
            }
        }

        return null;
    }
}
