namespace FaxSdk.Cli;

/// <summary>The two output streams a command writes to.</summary>
/// <param name="Out">Results (standard output).</param>
/// <param name="Error">Diagnostics (standard error).</param>
internal sealed record CliConsole(TextWriter Out, TextWriter Error);
