namespace FaxSdk.Cli;

/// <summary>The process exit codes of <c>faxstatus</c>; documented in the README.</summary>
public static class ExitCodes
{
    /// <summary>The command did what it was asked.</summary>
    public const int Success = 0;

    /// <summary>The command line was wrong (unknown command or option, missing argument).</summary>
    public const int UsageError = 2;

    /// <summary>The input could not be read (missing file, malformed or unexpected payload).</summary>
    public const int InputError = 3;

    /// <summary>The provider answered with an error (authentication, not found, unavailable, call-level error).</summary>
    public const int ProviderError = 4;

    /// <summary>A wait ended at its deadline before the job was final.</summary>
    public const int Timeout = 5;
}
