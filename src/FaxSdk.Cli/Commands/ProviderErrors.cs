using FaxSdk.Cli.Hosting;

namespace FaxSdk.Cli.Commands;

/// <summary>How the CLI reports a provider's error: one line, no credentials.</summary>
internal static class ProviderErrors
{
    /// <summary>The line for an error reading a job.</summary>
    /// <param name="job">The job, or <see langword="null"/> for a call not about one job.</param>
    /// <param name="error">The error.</param>
    /// <param name="redactor">Hides configured credentials.</param>
    /// <returns><c>faxstatus: phaxio:42: job not found (FaxJobNotFoundException)</c>.</returns>
    public static string Line(FaxJobReference? job, FaxSdkException error, SecretRedactor redactor)
    {
        var status = error.StatusCode is { } code && !error.Message.Contains("HTTP ", StringComparison.Ordinal) ? $", HTTP {(int)code}" : "";
        var subject = job is null ? error.Provider : job.ToString();
        return Output.TerminalText.Escape(redactor.Redact($"faxstatus: {subject}: {error.Message} ({Kind(error)}{status})"));
    }

    private static string Kind(FaxSdkException error) => error switch
    {
        FaxJobNotFoundException => "job not found",
        FaxAuthenticationException => "authentication failed",
        FaxRateLimitedException => "rate limited",
        FaxProviderUnavailableException => "provider unavailable",
        FaxProtocolException => "unreadable answer",
        _ => "provider error",
    };
}
