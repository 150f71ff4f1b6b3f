namespace FaxSdk.Cli;

/// <summary>The process exit codes of <c>faxstatus</c>; documented in the README.</summary>
internal static class ExitCodes
{
    /// <summary>The command did what it was asked.</summary>
    public const int Success = 0;

    /// <summary>A self-check failed: <c>faxstatus demo</c> saw a job end in a state other than the one expected.</summary>
    public const int CheckFailed = 1;

    /// <summary>
    /// The command line was wrong (unknown command or option, missing argument, a provider that cannot do what was
    /// asked, such as <c>reports</c> for a provider without a report feed).
    /// </summary>
    public const int UsageError = 2;

    /// <summary>
    /// The input could not be used: a missing, unreadable or malformed file (payload or <c>--config</c>), or a
    /// configuration that is invalid (a missing credential, a bad URL) or lacks the provider asked for.
    /// </summary>
    public const int InputError = 3;

    /// <summary>The provider answered with an error (authentication, not found, unavailable, call-level error).</summary>
    public const int ProviderError = 4;

    /// <summary>A wait ended at its deadline before the job was final.</summary>
    public const int Timeout = 5;

    /// <summary>
    /// The tracking store (<c>track --store</c>) could not be used: the database is unreachable or refused the login, the
    /// file cannot be created or is not a store, or its schema is newer than this tool.
    /// </summary>
    public const int StoreError = 6;

    /// <summary>The command was interrupted (Ctrl+C) before it finished.</summary>
    public const int Cancelled = 130;
}
