namespace FaxSdk.Cli;

/// <summary>The two output streams a command writes to, and what it reads from its surroundings.</summary>
/// <param name="Out">Results (standard output).</param>
/// <param name="Error">Diagnostics (standard error).</param>
internal sealed record CliConsole(TextWriter Out, TextWriter Error)
{
    /// <summary>
    /// The environment variables configuration is read from; <see langword="null"/> for the process environment
    /// (tests pass their own so they never change the process's).
    /// </summary>
    public IReadOnlyDictionary<string, string?>? Environment { get; init; }

    /// <summary>Whether <see cref="Out"/> is an interactive terminal (live displays), not a file or pipe.</summary>
    public bool IsTerminal { get; init; }

    /// <summary>
    /// Adds services to the hosts the CLI builds (<c>listen</c>), after the configured providers: tests register a
    /// webhook receiver of their own here. <see langword="null"/> in the tool.
    /// </summary>
    public Action<Microsoft.Extensions.DependencyInjection.IServiceCollection>? ConfigureServices { get; init; }
}
